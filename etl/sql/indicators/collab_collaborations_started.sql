-- COLLAB Cross-border collaborations started: every collaboration that has begun (active,
-- completed or stopped), on its start date, for NL and DE jointly (it has a partner on each side).
SELECT c.started_on AS occurred_on,
       'NL-DE' AS side,
       NULL AS region_id,
       NULL AS activity_id,
       NULL AS company_id,
       c.collaboration_id,
       1 AS amount
FROM collaboration c
JOIN project_calendar cal ON c.started_on BETWEEN cal.project_start AND cal.data_as_of
WHERE c.status IN ('active', 'completed', 'stopped')
