-- Which rows describe one company: its register number (KvK / Handelsregister); else the
-- register number of a row with the same name and postcode; else name + postcode (PC4 / PLZ,
-- or the region when only a place was given). Names are compared without legal forms.
-- The reader applies the same rule inside one file (etl.memberlist.rows.company_keys).
-- ``ord`` orders rows as read (file, sheet, row): the first row of a company wins.
CREATE TEMP TABLE stg_member_keyed AS
WITH parts AS (
    SELECT file, sheet_key, row_number() OVER (ORDER BY file, sheet_key) AS part
    FROM (SELECT DISTINCT file, coalesce(sheet, '') AS sheet_key FROM stg_member)
),
keyed AS (
    SELECT m.*,
           m.name_key || '|' || coalesce(m.postcode_key, m.region_id) AS name_place,
           p.part * 100000000 + m.row_number AS ord
    FROM stg_member m
    JOIN parts p ON p.file = m.file AND p.sheet_key = coalesce(m.sheet, '')
),
registered AS (
    SELECT name_place, min(register_id) AS known_register
    FROM keyed
    WHERE register_id IS NOT NULL
    GROUP BY name_place
)
SELECT k.*, coalesce(k.register_id, r.known_register, k.name_place) AS company_key
FROM keyed k
LEFT JOIN registered r USING (name_place);
