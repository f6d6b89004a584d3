-- One company per company key, however many associations it is a member of (Interreg CO01:
-- count each enterprise once). Its address, and so its country, is that of a row in the
-- register's country (KvK → NL, Handelsregister → DE) where there is one, else the first row.
INSERT INTO company BY NAME
WITH registers AS (
    SELECT company_key,
           max(register_id) AS register_id,
           CASE WHEN max(register_id) LIKE 'KvK %' THEN 'NL'
                WHEN max(register_id) IS NOT NULL THEN 'DE' END AS register_country
    FROM stg_member_keyed
    GROUP BY company_key
),
ranked AS (
    SELECT k.*, r.register_country,
           row_number() OVER (
               PARTITION BY k.company_key
               ORDER BY (k.country = r.register_country) DESC NULLS LAST, k.ord
           ) AS pick
    FROM stg_member_keyed k
    JOIN registers r USING (company_key)
)
SELECT
    'C-' || substr(md5(company_key), 1, 16) AS company_id,
    any_value(country) FILTER (WHERE pick = 1) AS country,
    max(register_id) AS register_id,
    arg_min(name, pick) AS name,
    any_value(region_id) FILTER (WHERE pick = 1) AS region_id,
    any_value(postcode) FILTER (WHERE pick = 1) AS postcode,
    any_value(city) FILTER (WHERE pick = 1) AS city,
    arg_min(nace_section, pick) AS nace_section,
    arg_min(nace_division, pick) AS nace_division,
    max(employees) AS employees,
    arg_min(size_class, pick) AS size_class,
    bool_or(s.is_sample) AS is_sample
FROM ranked
JOIN source s USING (source_id)
GROUP BY company_key;
