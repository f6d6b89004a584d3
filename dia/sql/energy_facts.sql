-- Published single figures on energy (reference points with their source and quote).
SELECT f.region_code, f.region_id, f.region_name, f.indicator, f.value, f.value_text, f.unit,
       f.reference_date, f.approximate, f.original_publisher, f.source_url, f.quote
FROM reference_fact f
WHERE f.topic = 'energy'
ORDER BY f.region_code, f.indicator, f.reference_date
