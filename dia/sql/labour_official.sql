-- Official population and employment figures of the German Kreis of the project area.
SELECT measure, region_code, region_name, period, breakdown, breakdown_code, breakdown_label,
       value, symbol, basis, series_break, source_id, is_sample
FROM labour_market
WHERE measure IN ('population', 'employees_svb')
  AND region_code IN (SELECT region_id FROM region WHERE level = 'kreis' AND NOT is_context)
ORDER BY measure, period, breakdown_code NULLS FIRST
