-- Training figures per side, ISCO-08 group ($digits), level, measure and pathway, in each
-- series' latest period; programmes without an ISCO match are left out (docs/training.md).
WITH grouped AS (
    SELECT country, left(isco_code, $digits) AS isco_group, level, measure,
           coalesce(pathway, '') AS pathway, period,
           sum(value) AS value,
           bool_or(symbol = '<5') AS lower_bound,
           bool_or(is_sample) AS is_sample,
           string_agg(DISTINCT source_id, ' ') AS source_ids
    FROM training_supply
    WHERE isco_code IS NOT NULL
    GROUP BY ALL
),
latest AS (
    SELECT country, level, measure, max(period) AS period
    FROM training_supply
    GROUP BY ALL
)
SELECT g.*
FROM grouped g
JOIN latest l USING (country, level, measure, period)
ORDER BY ALL
