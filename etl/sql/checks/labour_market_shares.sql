-- A published figure split over several ISCO-08 unit groups keeps its total: shares sum to 1.
SELECT source_id, region_code, period, measure, source_classification, source_code,
       breakdown_code, sum(isco_share) AS shares
FROM labour_market
GROUP BY ALL
HAVING abs(sum(isco_share) - 1) > 1e-9;
