-- Where the member figures come from (shown under every member chart): one line per
-- association's member lists, with the newest file date.
SELECT s.attribution AS owner, max(s.vintage) AS vintage, bool_or(s.is_sample) AS is_sample,
       count(DISTINCT s.source_id) AS files
FROM member m
JOIN source s USING (source_id)
GROUP BY s.attribution
ORDER BY s.attribution DESC
