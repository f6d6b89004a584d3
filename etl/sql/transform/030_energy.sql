-- Installed capacity per municipality from the energy readers and from CBS StatLine tables,
-- one figure per municipality, year and technology; then summed up the region tree.

-- StatLine capacity measures (85005NED "Opgesteld vermogen zonnepanelen (kW)", English
-- "Installed capacity"), read by etl/readers/statline.py into `statistic`. Totals only: a row
-- broken down by a dimension (Bedrijven/Woningen, vermogensklasse) has a classification.
CREATE TEMP TABLE statline_capacity AS
WITH units(unit, factor) AS (
    VALUES ('kw', 0.001), ('kwp', 0.001), ('kilowatt', 0.001), ('mw', 1.0), ('mwp', 1.0),
           ('megawatt', 1.0), ('gw', 1000.0), ('gwp', 1000.0)
),
technologies(word, technology) AS (
    VALUES ('zon', 'solar'), ('solar', 'solar'), ('wind', 'wind'), ('biomassa', 'biomass'),
           ('biomass', 'biomass'), ('waterkracht', 'hydro'), ('hydro', 'hydro')
),
measures AS (
    SELECT s.*, lower(coalesce(s.measure_label, s.measure)) AS label, lower(src.title) AS title
    FROM statistic s
    JOIN source src USING (source_id)
    WHERE s.value IS NOT NULL
      AND s.classification IS NULL
      AND regexp_matches(s.period, '^\d{4}$')
      AND (lower(coalesce(s.measure_label, s.measure)) LIKE '%vermogen%'
           OR lower(coalesce(s.measure_label, s.measure)) LIKE '%capacity%')
)
SELECT coalesce(m.region_id, named.region_id) AS region_id, m.region_code, m.region_name,
       CAST(m.period AS INTEGER) AS year,
       -- the measure names the technology, else the table title ("Zonnestroom; …")
       coalesce(
           (SELECT t.technology FROM technologies t WHERE m.label LIKE '%' || t.word || '%' ORDER BY t.word LIMIT 1),
           (SELECT t.technology FROM technologies t WHERE m.title LIKE '%' || t.word || '%' ORDER BY t.word LIMIT 1)
       ) AS technology,
       m.value * u.factor AS capacity_mw, m.source_id, m.is_sample
FROM measures m
JOIN units u ON u.unit = lower(trim(m.unit))
-- flat downloads without a code column name the gemeente only
LEFT JOIN region named
       ON m.region_id IS NULL AND named.level = 'gemeente'
      AND lower(named.name) = lower(trim(m.region_name));

INSERT INTO energy_capacity
WITH candidates AS (
    SELECT s.region_code AS region_id, s.year, s.technology, s.capacity_mw, s.source_id,
           src.is_sample, s.priority
    FROM stg_energy_capacity s
    JOIN source src USING (source_id)
    UNION ALL
    SELECT c.region_id, c.year, c.technology, c.capacity_mw, c.source_id, c.is_sample, 1
    FROM statline_capacity c
    JOIN region r ON r.region_id = c.region_id AND r.level IN ('gemeente', 'gemeinde')
    WHERE c.technology IS NOT NULL
),
-- Real figures replace sample ones; a register or statistics table wins over the template.
ranked AS (
    SELECT *, row_number() OVER (
        PARTITION BY region_id, year, technology
        ORDER BY is_sample, priority, source_id
    ) AS pick
    FROM candidates
)
SELECT region_id, year, technology, capacity_mw, source_id, is_sample
FROM ranked
WHERE pick = 1;

INSERT INTO energy_capacity_total
SELECT region_code, region_name, year, technology, capacity_mw, source_id
FROM stg_energy_capacity_total
UNION ALL
SELECT c.region_code, c.region_name, c.year, c.technology, c.capacity_mw, c.source_id
FROM statline_capacity c
LEFT JOIN region r ON r.region_id = c.region_id
WHERE c.technology IS NOT NULL AND c.region_code <> ''
  AND coalesce(r.level, '') NOT IN ('gemeente', 'gemeinde');

-- Every project-area unit above a municipality (grey context and the province excluded).
INSERT INTO energy_capacity_by_region
WITH RECURSIVE tree(region_id, ancestor_id) AS (
    SELECT region_id, region_id
    FROM region
    WHERE level IN ('gemeente', 'gemeinde') AND NOT is_context
    UNION ALL
    SELECT t.region_id, r.parent_id
    FROM tree t
    JOIN region r ON r.region_id = t.ancestor_id
    WHERE r.parent_id IS NOT NULL
),
areas AS (
    SELECT t.region_id, t.ancestor_id
    FROM tree t
    JOIN region a ON a.region_id = t.ancestor_id AND NOT a.is_context
),
sizes AS (
    SELECT ancestor_id, count(*) AS municipalities_in FROM areas GROUP BY ancestor_id
)
SELECT a.ancestor_id AS region_id, e.year, e.technology,
       sum(e.capacity_mw) AS capacity_mw,
       bool_or(e.is_sample) AS is_sample,
       count(*) AS municipalities,
       any_value(s.municipalities_in) AS municipalities_in,
       string_agg(DISTINCT e.source_id, ';' ORDER BY e.source_id) AS source_ids
FROM energy_capacity e
JOIN areas a ON a.region_id = e.region_id
JOIN sizes s ON s.ancestor_id = a.ancestor_id
GROUP BY a.ancestor_id, e.year, e.technology;

-- Published single figures; the topic says which page shows them.
INSERT INTO reference_fact
SELECT f.region_code, r.region_id, f.region_name,
       CASE
           WHEN regexp_matches(lower(f.indicator), 'solar|wind|energy|energie|capacity|vermogen|panel|zon')
               THEN 'energy'
           WHEN regexp_matches(lower(f.indicator), 'job|banen|employ|establishment|vestiging|arbeit|werk')
               THEN 'labour'
           ELSE 'region'
       END AS topic,
       f.indicator, f.value, f.value_text, f.unit, f.reference_date, f.approximate,
       f.original_publisher, f.source_url, f.quote, f.source_id
FROM stg_reference_fact f
LEFT JOIN region r ON r.region_id = f.region_code;

DROP TABLE statline_capacity;
