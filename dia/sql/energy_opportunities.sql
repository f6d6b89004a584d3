-- Energy projects with their cross-border partner counts. $visible: comma-separated
-- associations whose member names the viewer may see ('' for none).
WITH visible AS (SELECT unnest(string_split($visible, ',')) AS association),
matches AS (
    SELECT m.opportunity_id,
           count(*) AS partners,
           count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM visible v
               WHERE list_contains(string_split(m.associations, ','), v.association)
           )) AS partners_visible,
           bool_or(m.is_sample) AS partners_sample
    FROM energy_match m
    GROUP BY m.opportunity_id
),
skills AS (
    SELECT opportunity_id, string_agg(isco_code, ';' ORDER BY isco_code) AS skills
    FROM energy_opportunity_skill
    GROUP BY opportunity_id
)
SELECT o.opportunity_id, o.title, o.description, o.region_id, r.name AS region_name, r.level,
       r.vwg_type, o.country, o.technology, o.stage, o.capacity_mw, o.start_year,
       o.partners_sought, o.lead_association, o.is_sample, s.skills,
       coalesce(m.partners, 0) AS partners,
       coalesce(m.partners_visible, 0) AS partners_visible,
       coalesce(m.partners_sample, false) AS partners_sample
FROM energy_opportunity o
JOIN region r USING (region_id)
LEFT JOIN skills s USING (opportunity_id)
LEFT JOIN matches m USING (opportunity_id)
ORDER BY o.country DESC, o.technology, o.title
