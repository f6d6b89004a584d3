-- The "same company" rule, the one place it is written: rows describe one company when they
-- share the register number (KvK / Handelsregister); a row without one takes the register
-- number of a row with the same name and postcode; else name + postcode (PC4 / PLZ, or the
-- region when only a place was given) is the key. Names are compared without legal forms
-- (``name_key``). The build keys every member row with it (010_company_keys.sql); the reader
-- finds duplicates inside one sheet with it (etl.memberlist.rows.company_keys).
CREATE OR REPLACE TEMP MACRO company_keyed(rows_table) AS TABLE
WITH named AS (
    SELECT *, name_key || '|' || coalesce(postcode_key, region_id) AS name_place
    FROM query_table(rows_table)
),
registered AS (
    SELECT name_place, min(register_id) AS known_register
    FROM named
    WHERE register_id IS NOT NULL
    GROUP BY name_place
)
SELECT n.*, coalesce(n.register_id, r.known_register, n.name_place) AS company_key
FROM named n
LEFT JOIN registered r USING (name_place);
