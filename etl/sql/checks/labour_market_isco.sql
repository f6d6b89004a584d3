-- Every occupation-coded labour market figure has an ISCO-08 code (unmatched codes are rejected
-- before, never loaded without one).
SELECT source_id, region_code, period, measure, source_classification, source_code
FROM labour_market
WHERE source_classification IN ('KldB2010', 'BRC2014', 'ISCO08') AND isco_code IS NULL;
