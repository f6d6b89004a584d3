-- Every member row with its company key (the rule: 005_company_key_rule.sql).
-- ``ord`` orders rows as read (file, sheet, row): the first row of a company wins.
CREATE TEMP VIEW stg_member_ordered AS
WITH parts AS (
    SELECT file, sheet_key, row_number() OVER (ORDER BY file, sheet_key) AS part
    FROM (SELECT DISTINCT file, coalesce(sheet, '') AS sheet_key FROM stg_member)
)
SELECT m.*, p.part * 100000000 + m.row_number AS ord
FROM stg_member m
JOIN parts p ON p.file = m.file AND p.sheet_key = coalesce(m.sheet, '');

CREATE TEMP TABLE stg_member_keyed AS
SELECT * FROM company_keyed('stg_member_ordered');
