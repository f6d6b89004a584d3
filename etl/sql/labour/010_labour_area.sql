-- Which map regions each published geography covers: every region of ours with all regions
-- below it (Kreis → Samtgemeinden and Gemeinden, COROP → gemeenten), plus the source
-- geographies that are not regions of ours (labour_area_ref: data/reference/labour_areas.csv).
INSERT INTO labour_area
WITH RECURSIVE below(area_id, region_id) AS (
    SELECT region_id, region_id FROM region
    UNION ALL
    SELECT b.area_id, r.region_id
    FROM below b
    JOIN region r ON r.parent_id = b.region_id
),
counted AS (
    SELECT b.area_id, count(*) FILTER (WHERE r.level IN ('gemeente', 'gemeinde')) AS municipalities
    FROM below b
    JOIN region r ON r.region_id = b.region_id
    GROUP BY b.area_id
)
SELECT a.region_id, a.country, a.level, a.name, c.municipalities, NULL, r.region_id, r.level
FROM below b
JOIN region a ON a.region_id = b.area_id
JOIN region r ON r.region_id = b.region_id
JOIN counted c ON c.area_id = b.area_id
WHERE r.level IN ('gemeente', 'gemeinde', 'verwaltungsgemeinschaft') AND NOT r.is_context
UNION ALL
SELECT ref.region_code, ref.country, ref.source_geography, ref.name, ref.municipalities,
       ref.members, r.region_id, r.level
FROM labour_area_ref ref
CROSS JOIN unnest(string_split(ref.region_ids, ' ')) AS ids(region_id)
JOIN region r ON r.region_id = ids.region_id;
