-- One member per association and company. Duplicate rows are merged: the address comes from
-- the first row, every other value from the first row that has one; member since is the
-- earliest date, member until stays empty while any row says the company is still a member.
INSERT INTO member BY NAME
WITH merged AS (
    SELECT
        association,
        company_key,
        arg_min(
            {'street': street, 'postcode': postcode, 'city': city, 'country': country,
             'region_id': region_id, 'region_flag': region_flag},
            ord
        ) AS address,
        arg_min(name, ord) AS name,
        arg_min(member_number, ord) AS member_number,
        arg_min(register_id, ord) AS register_id,
        arg_min(register_court, ord) AS register_court,
        arg_min(nace_section, ord) AS nace_section,
        arg_min(nace_division, ord) AS nace_division,
        arg_min(employees, ord) AS employees,
        arg_min(size_class, ord) AS size_class,
        arg_min(training_company, ord) FILTER (WHERE training_company IS NOT NULL)
            AS training_company,
        arg_min(internship_places, ord) FILTER (WHERE internship_places IS NOT NULL)
            AS internship_places,
        min(member_since) AS member_since,
        CASE WHEN bool_or(member_until IS NULL) THEN NULL ELSE max(member_until) END AS member_until,
        arg_min(source_id, ord) AS source_id,
        count(*) AS rows_merged
    FROM stg_member_keyed
    GROUP BY association, company_key
)
SELECT
    m.association || '-' || substr(md5(m.company_key), 1, 16) AS member_id,
    m.association,
    'C-' || substr(md5(m.company_key), 1, 16) AS company_id,
    m.name, m.member_number, m.register_id, m.register_court,
    m.address.street, m.address.postcode, m.address.city, m.address.country,
    m.address.region_id, m.address.region_flag,
    m.nace_section, m.nace_division, m.employees, m.size_class,
    m.training_company, m.internship_places,
    m.member_since, m.member_until, m.source_id, s.is_sample, m.rows_merged
FROM merged m
JOIN source s USING (source_id);
