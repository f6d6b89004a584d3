-- The municipal levels of the map, for the one explanation of gemeente, Gemeinde, Samtgemeinde
-- and Einheitsgemeinde: how many units each level has and how large they are.
SELECT
    count(*) FILTER (WHERE level = 'gemeente') AS gemeenten,
    count(*) FILTER (WHERE level = 'gemeinde') AS gemeinden,
    count(*) FILTER (WHERE vwg_type = 'Samtgemeinde') AS samtgemeinden,
    count(*) FILTER (WHERE vwg_type = 'Einheitsgemeinde') AS einheitsgemeinden,
    median(population) FILTER (WHERE level = 'gemeente') AS gemeente_median,
    median(population) FILTER (WHERE level = 'gemeinde') AS gemeinde_median,
    median(population) FILTER (WHERE level = 'verwaltungsgemeinschaft') AS vwg_median,
    arg_min(name, population) FILTER (WHERE level = 'gemeinde') AS smallest_gemeinde,
    min(population) FILTER (WHERE level = 'gemeinde') AS smallest_population
FROM region
WHERE NOT is_context
