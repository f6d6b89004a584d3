-- Members on $as_of: per association, companies counted once, and members of both.
WITH active AS (
    SELECT association, company_id, country, region_flag
    FROM member
    WHERE (member_since IS NULL OR member_since <= $as_of)
      AND (member_until IS NULL OR member_until > $as_of)
),
both_sides AS (
    SELECT company_id FROM active GROUP BY company_id HAVING count(DISTINCT association) = 2
)
SELECT
    count(*) FILTER (WHERE association = 'OE') AS members_oe,
    count(*) FILTER (WHERE association = 'WVE') AS members_wve,
    count(DISTINCT company_id) AS companies,
    (SELECT count(*) FROM both_sides) AS in_both,
    count(*) FILTER (WHERE association = 'OE' AND country = 'DE') AS oe_members_in_de,
    count(*) FILTER (WHERE association = 'WVE' AND country = 'NL') AS wve_members_in_nl,
    (SELECT count(*) FROM member WHERE is_sample) > 0 AS is_sample
FROM active
