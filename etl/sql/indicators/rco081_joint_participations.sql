-- RCO081 Participations in joint actions across borders: the persons each company sent to an
-- activity counted for RCO115, on the activity's date, for the country of the company.
SELECT a.date AS occurred_on,
       c.country AS side,
       c.region_id,
       a.activity_id,
       c.company_id,
       NULL AS collaboration_id,
       p.persons AS amount
FROM participation p
JOIN activity a USING (activity_id)
JOIN activity_sides s USING (activity_id)
JOIN company c USING (company_id)
JOIN project_calendar cal ON a.date BETWEEN cal.project_start AND cal.data_as_of
WHERE s.is_cross_border
