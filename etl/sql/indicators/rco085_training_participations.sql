-- RCO085 Participations in joint training schemes: the persons each company sent to an activity
-- of type training (for the country of the company), plus each internship exchange with status
-- active or completed (one participation, NL and DE jointly), on the training's or the
-- exchange's start date.
SELECT a.date AS occurred_on,
       c.country AS side,
       c.region_id,
       a.activity_id,
       c.company_id,
       NULL AS collaboration_id,
       p.persons AS amount
FROM participation p
JOIN activity a USING (activity_id)
JOIN company c USING (company_id)
JOIN project_calendar cal ON a.date BETWEEN cal.project_start AND cal.data_as_of
WHERE a.type = 'training'
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
