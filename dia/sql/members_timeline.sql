-- Per year and association: members joined, members left, and members at the end of the year.
WITH bounds AS (
    SELECT least(coalesce(min(year(member_since)), year($as_of)), year($as_of)) AS first_year,
           year($as_of) AS last_year
    FROM member
),
years AS (
    SELECT unnest(range(first_year, last_year + 1)) AS year FROM bounds
),
associations AS (SELECT DISTINCT association FROM member)
SELECT
    y.year,
    a.association,
    count(m.member_id) FILTER (WHERE year(m.member_since) = y.year) AS joined,
    count(m.member_id) FILTER (WHERE year(m.member_until) = y.year AND m.member_until <= $as_of) AS left_,
    count(m.member_id) FILTER (
        WHERE (m.member_since IS NULL OR year(m.member_since) <= y.year)
          AND (m.member_until IS NULL OR year(m.member_until) > y.year OR m.member_until > $as_of)
    ) AS members
FROM years y
CROSS JOIN associations a
LEFT JOIN member m ON m.association = a.association
GROUP BY ALL
ORDER BY y.year, a.association
