-- RCO085 Participations in joint training schemes: the persons each company sent to an activity
-- of type training (for the country of the company), plus each internship exchange with status
-- active or completed (one participation, NL and DE jointly), on the training's or the
-- exchange's start date.
SELECT * EXCLUDE (activity_type)
FROM project_participation  -- etl/sql/ledger/015_participation.sql
WHERE activity_type = 'training'
UNION ALL
SELECT c.started_on,
       'NL-DE',
       NULL,
       NULL,
       NULL,
       c.collaboration_id,
       1
FROM collaboration c
JOIN project_calendar cal ON c.started_on BETWEEN cal.project_start AND cal.data_as_of
WHERE c.type = 'internship exchange' AND c.status IN ('active', 'completed')
