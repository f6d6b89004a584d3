-- Per map unit, ISCO-08 group ($digits) and measure: the latest training figures published for
-- a municipality (NL gemeente) or the Kreis (drawn on every Samt-/Einheitsgemeinde of it).
WITH latest AS (
    SELECT country, level, measure, max(period) AS period
    FROM training_supply GROUP BY ALL
),
figures AS (
    SELECT t.country, t.region_code, t.region_name, t.measure, t.level,
           left(t.isco_code, $digits) AS isco_group, t.period,
           sum(t.value) AS value, bool_or(t.is_sample) AS is_sample
    FROM training_supply t
    JOIN latest l USING (country, level, measure, period)
    WHERE t.isco_code IS NOT NULL
    GROUP BY ALL
)
SELECT coalesce(u.region_id, f.region_code) AS region_id, u.name, f.*
FROM figures f
LEFT JOIN region u
       ON (u.region_id = f.region_code AND u.level = 'gemeente')
       OR (f.region_code = '03454' AND u.level = 'verwaltungsgemeinschaft')
WHERE u.region_id IS NOT NULL
ORDER BY ALL
