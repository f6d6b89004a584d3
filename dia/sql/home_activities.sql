-- The latest activities held by the records' date: when, what kind, the title (not shown to
-- funders) and how many companies took part from each side.
SELECT a.activity_id, a.date, a.type, a.format, a.title,
       s.companies_nl, s.companies_de, s.is_cross_border
FROM activity a
JOIN activity_sides s USING (activity_id)
CROSS JOIN project_calendar c
WHERE a.date <= c.data_as_of
ORDER BY a.date DESC, a.activity_id DESC
LIMIT $limit
