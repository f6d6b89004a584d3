-- The participations the indicators count (RCO081, RCO085): the persons each company sent to an
-- activity within the project period, on the activity's date, for the country of the company.
CREATE OR REPLACE TEMP VIEW project_participation AS
SELECT a.date AS occurred_on,
       c.country AS side,
       c.region_id,
       a.activity_id,
       c.company_id,
       NULL AS collaboration_id,
       p.persons AS amount,
       a.type AS activity_type
FROM participation p
JOIN activity a USING (activity_id)
JOIN company c USING (company_id)
JOIN project_calendar cal ON a.date BETWEEN cal.project_start AND cal.data_as_of;
