-- Members on $as_of per map unit: NL gemeenten and the DE level $de_level (a Gemeinde counts
-- for its Samtgemeinde/Einheitsgemeinde). $association 'ALL' counts companies once, at the
-- company's address; otherwise the association's members at their own address. Members placed
-- only at a higher level than the map shows come back with region_id NULL.
WITH active AS (
    SELECT association, company_id, region_id
    FROM member
    WHERE (member_since IS NULL OR member_since <= $as_of)
      AND (member_until IS NULL OR member_until > $as_of)
      AND ($association = 'ALL' OR association = $association)
),
located AS (
    SELECT DISTINCT c.company_id, c.region_id
    FROM active a JOIN company c USING (company_id)
    WHERE $association = 'ALL'
    UNION ALL
    SELECT company_id, region_id FROM active WHERE $association <> 'ALL'
)
SELECT
    CASE
        WHEN r.level = 'gemeente' OR r.level = $de_level THEN r.region_id
        WHEN r.level = 'gemeinde' AND $de_level = 'verwaltungsgemeinschaft' THEN r.parent_id
    END AS region_id,
    count(*) AS members
FROM located l
JOIN region r USING (region_id)
GROUP BY ALL
