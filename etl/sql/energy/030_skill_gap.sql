-- Demand (vacancies) and supply (job seekers) of the occupations an opportunity needs, on
-- each side of the border (measures: etl/config/energy_skills.toml). Figures count where
-- their published area covers part of the project area (labour_area: Kreis 03454,
-- arbeidsmarktregio Drenthe, …). One reading per country and side, so no figure is counted
-- twice: the first configured measure present, its latest period, one published geography
-- (Kreis, COROP, arbeidsmarktregio, Agenturbezirk, Samtgemeinde, municipality — the first
-- with figures), totals only (no sex/nationality breakdown), and the ISCO level closest to
-- the needed code (the shorter one on a tie).
INSERT INTO energy_skill_gap
WITH areas AS (
    SELECT DISTINCT a.region_code, a.country
    FROM labour_area a
    JOIN region r ON r.region_id = a.region_id AND NOT r.is_context
),
figures AS (
    SELECT areas.country, m.side, m.rank, l.period, l.isco_code, l.value, l.source_id,
           l.is_sample, coalesce(l.region_name, l.region_code) AS area,
           CASE lower(l.source_geography)
               WHEN 'kreis' THEN 0 WHEN 'corop' THEN 1 WHEN 'arbeidsmarktregio' THEN 2
               WHEN 'agenturbezirk' THEN 3 WHEN 'verwaltungsgemeinschaft' THEN 4
               ELSE 5 END AS geography_rank,
           lower(l.source_geography) AS geography
    FROM labour_market l
    JOIN areas ON areas.region_code = coalesce(l.region_code, l.region_id)
    JOIN energy_labour_measure m ON m.measure = lower(l.measure)
    WHERE l.value IS NOT NULL
      AND l.breakdown IS NULL
      AND regexp_matches(coalesce(l.isco_code, ''), '^\d{2,4}$')
),
measures AS (SELECT country, side, min(rank) AS rank FROM figures GROUP BY country, side),
periods AS (
    SELECT f.country, f.side, max(f.period) AS period
    FROM figures f JOIN measures USING (country, side, rank)
    GROUP BY f.country, f.side
),
geographies AS (
    SELECT f.country, f.side, arg_min(f.geography, f.geography_rank) AS geography
    FROM figures f JOIN measures USING (country, side, rank) JOIN periods USING (country, side, period)
    GROUP BY f.country, f.side
),
chosen AS (
    SELECT f.*
    FROM figures f
    JOIN measures USING (country, side, rank)
    JOIN periods USING (country, side, period)
    JOIN geographies USING (country, side, geography)
),
matched AS (
    SELECT s.opportunity_id, s.isco_code AS needed, c.*,
           abs(length(c.isco_code) - length(s.isco_code)) * 10 + length(c.isco_code) AS distance
    FROM energy_opportunity_skill s
    JOIN chosen c
      ON starts_with(c.isco_code, s.isco_code) OR starts_with(s.isco_code, c.isco_code)
),
closest AS (
    SELECT *, min(distance) OVER (PARTITION BY opportunity_id, needed, country, side) AS best
    FROM matched
)
SELECT opportunity_id, needed AS isco_code, country,
       string_agg(DISTINCT area, ', ' ORDER BY area) AS area,
       sum(value) FILTER (WHERE side = 'demand') AS demand,
       max(period) FILTER (WHERE side = 'demand') AS demand_period,
       sum(value) FILTER (WHERE side = 'supply') AS supply,
       max(period) FILTER (WHERE side = 'supply') AS supply_period,
       bool_or(is_sample) AS is_sample,
       string_agg(DISTINCT source_id, ';' ORDER BY source_id) AS source_ids
FROM closest
WHERE distance = best
GROUP BY opportunity_id, needed, country;
