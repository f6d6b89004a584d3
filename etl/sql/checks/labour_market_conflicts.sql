-- One figure, one value: the same region, period, measure and breakdown from two sources with
-- different values (e.g. a revised release next to the old one) must be resolved by removing
-- one of the files, not summed.
SELECT region_code, period, measure, source_classification, source_code, breakdown_code,
       isco_code, count(DISTINCT source_id) AS sources, min(value) AS low, max(value) AS high
FROM labour_market
GROUP BY ALL
HAVING count(DISTINCT source_id) > 1;
