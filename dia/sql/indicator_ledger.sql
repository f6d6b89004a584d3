-- The ledger for reporting period $period: per indicator its baseline and target, what earlier
-- periods reported, this period, the cumulative total and its split per side (NL, DE, jointly),
-- with names, units and definitions in $lang.
WITH chosen AS (SELECT position FROM reporting_period WHERE period = $period),
sums AS (
    SELECT v.code,
           sum(v.value) FILTER (WHERE p.position < (SELECT position FROM chosen)) AS previous,
           sum(v.value) FILTER (WHERE p.position = (SELECT position FROM chosen)) AS this_period,
           sum(v.value) FILTER (WHERE p.position <= (SELECT position FROM chosen)) AS cumulative,
           sum(v.value) FILTER (WHERE p.position <= (SELECT position FROM chosen) AND v.side = 'NL') AS side_nl,
           sum(v.value) FILTER (WHERE p.position <= (SELECT position FROM chosen) AND v.side = 'DE') AS side_de,
           sum(v.value) FILTER (WHERE p.position <= (SELECT position FROM chosen) AND v.side = 'NL-DE') AS side_joint
    FROM indicator_value v
    JOIN reporting_period p USING (period)
    GROUP BY v.code
)
SELECT i.code, i.position, i.kind,
       CASE $lang WHEN 'nl' THEN i.name_nl WHEN 'de' THEN i.name_de ELSE i.name_en END AS name,
       CASE $lang WHEN 'nl' THEN i.unit_nl WHEN 'de' THEN i.unit_de ELSE i.unit END AS unit,
       CASE $lang WHEN 'nl' THEN i.definition_nl WHEN 'de' THEN i.definition_de ELSE i.definition_en END AS definition,
       i.official_code, i.programme_period, i.legal_basis,
       i.computation, i.sides, i.baseline, i.target,
       coalesce(s.previous, 0) AS previous,
       coalesce(s.this_period, 0) AS this_period,
       coalesce(s.cumulative, 0) AS cumulative,
       s.side_nl, s.side_de, s.side_joint
FROM indicator i
LEFT JOIN sums s USING (code)
ORDER BY i.position
