-- Vacancies and job seekers per published geography, period and ISCO-08 group ($digits: 1 major
-- group, 2 sub-major group). isco_group NULL with is_total: all occupations, as published.
SELECT country, region_code, any_value(region_name) AS region_name, source_geography, period,
       measure, left(isco_code, $digits) AS isco_group, source_classification IS NULL AS is_total,
       sum(value) AS value, bool_or(is_sample) AS is_sample,
       string_agg(DISTINCT source_id, ' ' ORDER BY source_id) AS source_ids
FROM labour_market
WHERE measure IN ('vacancies', 'job_seekers')
  AND breakdown IS NULL
  AND (isco_code IS NOT NULL OR source_classification IS NULL)
GROUP BY ALL
ORDER BY country DESC, region_code, period, measure, isco_group
