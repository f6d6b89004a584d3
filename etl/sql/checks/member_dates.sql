-- A membership cannot end before it began (rejected rows never get here).
SELECT member_id, member_since, member_until
FROM member
WHERE member_until < member_since;
