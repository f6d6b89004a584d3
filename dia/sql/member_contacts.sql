-- Contact persons of one association's members (personal data): only when the association is in
-- $contacts (the associations whose contacts the viewer may see, dia.policy).
SELECT c.member_id, c.person, c.email, c.phone
FROM member_contact c
JOIN member m USING (member_id)
WHERE m.association = $association AND list_contains($contacts::VARCHAR[], m.association)
