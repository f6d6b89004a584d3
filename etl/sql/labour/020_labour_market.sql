-- statistic → labour_market: the measures named in etl/config/labour.toml, occupations mapped to
-- ISCO-08 through classification_map (one row per ISCO unit group a code maps to, the value
-- multiplied by its share), other breakdowns (sex, nationality) kept as they were published.
-- A file loaded twice gives the same figures twice: DISTINCT keeps one.
INSERT INTO labour_market BY NAME
WITH figures AS (
    SELECT DISTINCT s.region_code, s.region_id, s.region_name, s.source_geography, s.period,
           m.measure, s.classification, s.class_code, s.class_label, s.value, s.symbol,
           s.source_id, s.is_sample
    FROM statistic s
    JOIN labour_measure_map m ON m.source_measure = lower(s.measure)
),
mapped AS (
    SELECT f.*, x.isco_code, x.nace_section, x.share,
           x.classification IS NOT NULL AS is_mapped,
           f.classification IN ('KldB2010', 'BRC2014', 'ISCO08', 'NACE') AS is_coded
    FROM figures f
    LEFT JOIN classification_map x
           ON x.classification = f.classification AND x.code = f.class_code
)
SELECT
    region_id,
    coalesce(source_geography, '') AS source_geography,
    period,
    measure,
    isco_code,
    nace_section,
    value * coalesce(share, 1) AS value,
    source_id,
    is_sample,
    CASE WHEN regexp_matches(region_code, '^[A-Z]{2}[0-9]') THEN 'NL' ELSE 'DE' END AS country,
    region_code,
    region_name,
    CASE WHEN is_coded THEN classification END AS source_classification,
    CASE WHEN is_coded THEN class_code END AS source_code,
    CASE WHEN is_coded THEN class_label END AS source_label,
    coalesce(share, 1) AS isco_share,
    CASE WHEN NOT is_coded THEN classification END AS breakdown,
    CASE WHEN NOT is_coded THEN class_code END AS breakdown_code,
    CASE WHEN NOT is_coded THEN class_label END AS breakdown_label,
    symbol,
    false AS series_break
FROM mapped
-- coded figures without a crosswalk match are reported as rejects by the harmonise step
WHERE classification IS NULL OR NOT is_coded OR is_mapped;

-- Series breaks (etl/config/labour.toml): the basis of every figure, and a flag on the first
-- figure of each series that rests on the new basis.
UPDATE labour_market
SET basis = CASE WHEN labour_market.period >= b.from_period THEN b.basis_after ELSE b.basis_before END
FROM labour_series_break b
WHERE labour_market.measure = b.measure AND labour_market.country = b.country;

UPDATE labour_market
SET series_break = true
FROM (
    SELECT l.region_code, l.measure, l.breakdown_code, l.isco_code, min(l.period) AS period
    FROM labour_market l
    JOIN labour_series_break b ON b.measure = l.measure AND b.country = l.country
    WHERE l.period >= b.from_period
    GROUP BY ALL
) AS first_after
WHERE labour_market.region_code = first_after.region_code
  AND labour_market.measure = first_after.measure
  AND labour_market.breakdown_code IS NOT DISTINCT FROM first_after.breakdown_code
  AND labour_market.isco_code IS NOT DISTINCT FROM first_after.isco_code
  AND labour_market.period = first_after.period;
