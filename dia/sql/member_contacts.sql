-- Contact persons of one association's members (personal data: staff and admins only).
SELECT c.member_id, c.person, c.email, c.phone
FROM member_contact c
JOIN member m USING (member_id)
WHERE m.association = $association
