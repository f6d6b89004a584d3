-- How the project records name one member company (register or member number), for writing an
-- introduction; never shown.
SELECT association, name, register_id, member_number
FROM member
WHERE member_id = $member_id
