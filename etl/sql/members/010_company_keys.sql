-- Which rows describe one company: its register number (KvK / Handelsregister); else the
-- register number of a row with the same name and postcode; else name + postcode (PC4 / PLZ,
-- or the region when only a place was given). Names are compared without legal forms.
-- The reader applies the same rule inside one file (etl.memberlist.rows.company_keys).
CREATE TABLE stg_member_keyed AS
WITH numbered AS (
    SELECT *,
           name_key || '|' || coalesce(postcode_key, region_id) AS name_place,
           row_number() OVER (ORDER BY file, sheet NULLS FIRST, row_number) AS ord
    FROM stg_member
),
registered AS (
    SELECT name_place, min(register_id) AS known_register
    FROM numbered
    WHERE register_id IS NOT NULL
    GROUP BY name_place
)
SELECT n.*, coalesce(n.register_id, r.known_register, n.name_place) AS company_key
FROM numbered n
LEFT JOIN registered r USING (name_place);
