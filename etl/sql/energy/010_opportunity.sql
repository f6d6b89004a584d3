-- One row per project id. Where two files list the same id, the real list wins over a sample
-- and the first file over later ones; the step reports the others as rejects
-- (090_repeated_across_files.sql).
INSERT INTO energy_opportunity
WITH ranked AS (
    SELECT o.*, r.country, src.is_sample,
           row_number() OVER (
               PARTITION BY o.opportunity_id ORDER BY src.is_sample, o.file, o.row_number
           ) AS pick
    FROM stg_energy_opportunity o
    JOIN region r USING (region_id)
    JOIN source src USING (source_id)
)
SELECT opportunity_id, title, description, region_id, country, technology, stage, capacity_mw,
       start_year, partners_sought, lead_association, file, sheet, row_number, source_id,
       is_sample
FROM ranked
WHERE pick = 1;

INSERT INTO energy_opportunity_skill
SELECT DISTINCT o.opportunity_id, trim(code.unnest) AS isco_code
FROM stg_energy_opportunity s
JOIN energy_opportunity o
  ON o.opportunity_id = s.opportunity_id AND o.file = s.file AND o.row_number = s.row_number
CROSS JOIN unnest(string_split(s.skills, ';')) AS code
WHERE s.skills IS NOT NULL AND trim(code.unnest) <> '';
