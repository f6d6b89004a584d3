-- The records without problems into the warehouse. A company named twice for one activity
-- (also under two numbers, e.g. as OE and as WVE member) takes part once, with the larger
-- number of persons.
CREATE TEMP TABLE stg_record_ok AS
SELECT kind, file, sheet, row_number FROM (
    SELECT 'activity' AS kind, file, sheet, row_number FROM stg_activity
    UNION ALL SELECT 'participation', file, sheet, row_number FROM stg_participation
    UNION ALL SELECT 'collaboration', file, sheet, row_number FROM stg_collaboration
    UNION ALL SELECT 'milestone', file, sheet, row_number FROM stg_milestone
) rows
ANTI JOIN stg_record_problem p USING (kind, file, sheet, row_number);

INSERT INTO activity BY NAME
SELECT a.activity_id, a.date, a.title, a.type, a.format, a.theme, a.region_id, a.organiser,
       a.source_id, s.is_sample, a.file, a.row_number
FROM stg_activity a
SEMI JOIN stg_record_ok k ON k.kind = 'activity' AND k.file = a.file
    AND k.sheet = a.sheet AND k.row_number = a.row_number
JOIN source s USING (source_id);

CREATE TEMP TABLE stg_participation_ok AS
SELECT p.*, r.company_id,
       row_number() OVER (
           PARTITION BY p.activity_id, r.company_id ORDER BY p.file, p.sheet, p.row_number
       ) AS occurrence,
       first_value(p.file) OVER w AS first_file,
       first_value(p.sheet) OVER w AS first_sheet,
       first_value(p.row_number) OVER w AS first_row
FROM stg_participation p
JOIN stg_record_ref_resolved r
  ON r.kind = 'participation' AND r.file = p.file AND r.sheet = p.sheet
 AND r.row_number = p.row_number
SEMI JOIN stg_record_ok k ON k.kind = 'participation' AND k.file = p.file
    AND k.sheet = p.sheet AND k.row_number = p.row_number
WINDOW w AS (PARTITION BY p.activity_id, r.company_id ORDER BY p.file, p.sheet, p.row_number);

INSERT INTO participation BY NAME
SELECT p.activity_id, p.company_id,
       max(p.persons) AS persons,
       arg_min(p.company_ref, p.occurrence) AS company_ref,
       arg_min(p.source_id, p.occurrence) AS source_id,
       bool_or(s.is_sample) AS is_sample,
       arg_min(p.file, p.occurrence) AS file,
       arg_min(p.row_number, p.occurrence) AS row_number
FROM stg_participation_ok p
JOIN source s USING (source_id)
GROUP BY p.activity_id, p.company_id;

INSERT INTO collaboration BY NAME
SELECT c.collaboration_id, nl.company_id AS company_id_nl, de.company_id AS company_id_de,
       c.type, c.started_on, c.status, c.evidence, c.source_id, s.is_sample, c.file, c.row_number
FROM stg_collaboration c
JOIN stg_record_ref_resolved nl
  ON nl.kind = 'collaboration' AND nl.side = 'nl' AND nl.file = c.file
 AND nl.sheet = c.sheet AND nl.row_number = c.row_number
JOIN stg_record_ref_resolved de
  ON de.kind = 'collaboration' AND de.side = 'de' AND de.file = c.file
 AND de.sheet = c.sheet AND de.row_number = c.row_number
SEMI JOIN stg_record_ok k ON k.kind = 'collaboration' AND k.file = c.file
    AND k.sheet = c.sheet AND k.row_number = c.row_number
JOIN source s USING (source_id);

INSERT INTO milestone BY NAME
SELECT m.work_package, m.milestone, m.milestone_nl, m.milestone_de, m.milestone_en, m.planned_on,
       m.done_on, m.source_id, s.is_sample, m.file, m.row_number
FROM stg_milestone m
SEMI JOIN stg_record_ok k ON k.kind = 'milestone' AND k.file = m.file
    AND k.sheet = m.sheet AND k.row_number = m.row_number
JOIN source s USING (source_id);
