-- One company per company key, however many associations it is a member of (Interreg CO01:
-- count each enterprise once). Its address, and so its country, is that of a row in the
-- register's country (KvK → NL, Handelsregister → DE) where there is one, else the first row.
INSERT INTO company BY NAME
WITH registers AS (
    SELECT company_key,
           CASE WHEN max(register_id) LIKE 'KvK %' THEN 'NL'
                WHEN max(register_id) IS NOT NULL THEN 'DE' END AS register_country
    FROM stg_member_keyed
    GROUP BY company_key
),
preferred AS (
    SELECT k.*, s.is_sample,
           CASE WHEN k.country = r.register_country THEN 0 ELSE 1 END * 1000000000000 + k.ord AS preference
    FROM stg_member_keyed k
    JOIN registers r USING (company_key)
    LEFT JOIN source s USING (source_id)
),
merged AS (
    SELECT
        company_key,
        arg_min(
            {'name': name, 'country': country, 'region_id': region_id, 'postcode': postcode,
             'city': city},
            preference
        ) AS address,
        max(register_id) AS register_id,
        arg_min(nace_section, preference) AS nace_section,
        arg_min(nace_division, preference) AS nace_division,
        max(employees) AS employees,
        arg_min(size_class, preference) AS size_class,
        bool_or(is_sample) AS is_sample  -- any of its lists is sample data
    FROM preferred
    GROUP BY company_key
)
SELECT
    'C-' || substr(md5(m.company_key), 1, 16) AS company_id,
    m.address.country, m.register_id, m.address.name, m.address.region_id,
    m.address.postcode, m.address.city, m.nace_section, m.nace_division, m.employees,
    m.size_class, m.is_sample
FROM merged m;
