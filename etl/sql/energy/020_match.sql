-- Cross-border partners: current member companies located on the other side of the border
-- whose NACE activity fits the opportunity's technology (etl/config/energy_nace.toml).
-- A company that is a member of both associations, or has sites on both sides, is one
-- company; it matches where one of its sites is across the border.
INSERT INTO energy_match
WITH current_members AS (
    -- the site's country from the region table (member.country is the address as written)
    SELECT m.company_id, m.association, m.region_id, m.nace_section, m.nace_division,
           m.is_sample, r.country
    FROM member m
    JOIN region r ON r.region_id = m.region_id
    WHERE (m.member_since IS NULL OR m.member_since <= current_date)
      AND (m.member_until IS NULL OR m.member_until > current_date)
),
sites AS (
    SELECT company_id, country,
           min(region_id) AS region_id,
           min(nace_division) AS nace_division,
           min(nace_section) AS nace_section
    FROM current_members
    GROUP BY company_id, country
),
companies AS (
    SELECT company_id,
           string_agg(DISTINCT association, ',' ORDER BY association) AS associations,
           bool_or(is_sample) AS is_sample
    FROM current_members
    GROUP BY company_id
),
candidates AS (
    SELECT o.opportunity_id, s.company_id, rule.role, rule.nace_code, s.nace_division,
           s.region_id, s.country, o.is_sample,
           -- a division rule is more specific than a section rule
           row_number() OVER (
               PARTITION BY o.opportunity_id, s.company_id
               ORDER BY length(rule.nace_code) DESC, rule.role, s.country
           ) AS pick
    FROM energy_opportunity o
    JOIN energy_nace_rule rule ON rule.technology = o.technology
    JOIN sites s
      ON s.country <> o.country
     AND (rule.nace_code = s.nace_division OR rule.nace_code = s.nace_section)
)
SELECT c.opportunity_id, c.company_id, c.role, c.nace_code, c.nace_division, c.region_id,
       c.country, co.associations, c.is_sample OR co.is_sample AS is_sample
FROM candidates c
JOIN companies co USING (company_id)
WHERE c.pick = 1;
