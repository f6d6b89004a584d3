-- Energy projects with their cross-border partner counts. $visible: the associations whose member
-- names the viewer may see (dia.policy). Title, description and "partners sought" are free text
-- that may name companies: only with $free_text (otherwise the project is told by technology,
-- stage and place).
WITH visible AS (SELECT unnest($visible::VARCHAR[]) AS association),
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
SELECT o.opportunity_id,
       CASE WHEN $free_text THEN o.title END AS title,
       CASE WHEN $free_text THEN o.description END AS description, o.region_id, r.name AS region_name, r.level,
       r.vwg_type, o.country, o.technology, o.stage, o.capacity_mw, o.start_year,
       CASE WHEN $free_text THEN o.partners_sought END AS partners_sought, o.lead_association, o.is_sample, s.skills,
       coalesce(m.partners, 0) AS partners,
       coalesce(m.partners_visible, 0) AS partners_visible,
       coalesce(m.partners_sample, false) AS partners_sample
FROM energy_opportunity o
JOIN region r USING (region_id)
LEFT JOIN skills s USING (opportunity_id)
LEFT JOIN matches m USING (opportunity_id)
ORDER BY o.country DESC, o.technology, o.title
