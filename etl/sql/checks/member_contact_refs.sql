-- Contact data only for known members.
SELECT c.member_id
FROM member_contact c LEFT JOIN member m USING (member_id)
WHERE m.member_id IS NULL;
