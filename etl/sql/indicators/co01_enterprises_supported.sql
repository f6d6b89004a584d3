-- CO01 Enterprises receiving support: each company with at least one participation counts once
-- (also when it is a member of both associations), on the date of its first participation in
-- the project, for the country of the company.
SELECT min(a.date) AS occurred_on,
       c.country AS side,
       c.region_id,
       arg_min(a.activity_id, strftime(a.date, '%Y-%m-%d') || a.activity_id) AS activity_id,
       c.company_id,
       NULL AS collaboration_id,
       1 AS amount
FROM participation p
JOIN activity a USING (activity_id)
JOIN company c USING (company_id)
JOIN project_calendar cal ON a.date BETWEEN cal.project_start AND cal.data_as_of
GROUP BY c.company_id, c.country, c.region_id
