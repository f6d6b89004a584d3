-- One member per association and company. Duplicate rows are merged: the address comes from
-- the first row, every other value from the first row that has one; member since is the
-- earliest date, member until stays empty while any row says the company is still a member.
INSERT INTO member BY NAME
WITH first_rows AS (
    SELECT *, row_number() OVER (PARTITION BY association, company_key ORDER BY ord) AS pick
    FROM stg_member_keyed
)
SELECT
    association || '-' || substr(md5(company_key), 1, 16) AS member_id,
    association,
    'C-' || substr(md5(company_key), 1, 16) AS company_id,
    arg_min(name, pick) AS name,
    arg_min(member_number, pick) AS member_number,
    arg_min(register_id, pick) AS register_id,
    arg_min(register_court, pick) AS register_court,
    any_value(street) FILTER (WHERE pick = 1) AS street,
    any_value(postcode) FILTER (WHERE pick = 1) AS postcode,
    any_value(city) FILTER (WHERE pick = 1) AS city,
    any_value(country) FILTER (WHERE pick = 1) AS country,
    any_value(region_id) FILTER (WHERE pick = 1) AS region_id,
    any_value(region_flag) FILTER (WHERE pick = 1) AS region_flag,
    arg_min(nace_section, pick) AS nace_section,
    arg_min(nace_division, pick) AS nace_division,
    arg_min(employees, pick) AS employees,
    arg_min(size_class, pick) AS size_class,
    min(member_since) AS member_since,
    CASE WHEN bool_or(member_until IS NULL) THEN NULL ELSE max(member_until) END AS member_until,
    arg_min(f.source_id, pick) AS source_id,
    bool_or(s.is_sample) AS is_sample,
    count(*) AS rows_merged
FROM first_rows f
JOIN source s ON s.source_id = f.source_id
GROUP BY association, company_key;
