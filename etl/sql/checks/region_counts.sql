-- The map needs the whole project area: 3 NL gemeenten, 60 DE Gemeinden, 19 Einheits-/Samtgemeinden, 1 Kreis.
WITH expected(country, level, n) AS (
    VALUES ('NL', 'gemeente', 3), ('DE', 'gemeinde', 60), ('DE', 'verwaltungsgemeinschaft', 19), ('DE', 'kreis', 1)
)
SELECT e.country, e.level, e.n AS expected, count(r.region_id) AS found
FROM expected e
LEFT JOIN region r ON r.country = e.country AND r.level = e.level AND NOT r.is_context
GROUP BY ALL
HAVING count(r.region_id) <> e.n;
