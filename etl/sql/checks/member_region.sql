-- Members must sit in a known region of the project area (rejected rows never get here).
SELECT m.member_id, m.region_id
FROM member m LEFT JOIN region r ON r.region_id = m.region_id
WHERE r.region_id IS NULL;
