-- Published statistics keep their own region codes; region_id is set where the code is one of ours.
INSERT INTO statistic
SELECT s.region_code, r.region_id, s.region_name, s.source_geography, s.period, s.measure,
       s.measure_label, s.classification, s.class_code, s.class_label, s.value, s.symbol, s.unit,
       s.source_id, src.is_sample
FROM stg_statistic s
JOIN source src USING (source_id)
LEFT JOIN region r ON r.region_id = s.region_code;
