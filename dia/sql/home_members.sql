-- Per association: members on the member lists' latest date (the last joining or leaving, not
-- after $today), members a year earlier, and who joined and left in those twelve months.
WITH window_ AS (
    SELECT as_of, (as_of - INTERVAL 1 YEAR)::DATE AS year_ago
    FROM (SELECT least($today::DATE, max(greatest(member_since, coalesce(member_until, member_since))))::DATE AS as_of
          FROM member)
)
SELECT m.association, any_value(w.as_of) AS as_of,
       count(*) FILTER (WHERE (m.member_since IS NULL OR m.member_since <= w.as_of)
                          AND (m.member_until IS NULL OR m.member_until > w.as_of)) AS members,
       count(*) FILTER (WHERE (m.member_since IS NULL OR m.member_since <= w.year_ago)
                          AND (m.member_until IS NULL OR m.member_until > w.year_ago)) AS members_year_ago,
       count(*) FILTER (WHERE m.member_since > w.year_ago AND m.member_since <= w.as_of) AS joined,
       count(*) FILTER (WHERE m.member_until > w.year_ago AND m.member_until <= w.as_of) AS left_
FROM member m
CROSS JOIN window_ w
GROUP BY m.association
ORDER BY m.association
