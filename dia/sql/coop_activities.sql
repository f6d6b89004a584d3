-- Every activity with its reporting period, venue and who took part from each side. The title is
-- free text that may name a company: only with $free_text (dia.policy: not for funders).
SELECT a.activity_id, a.date, CASE WHEN $free_text THEN a.title END AS title, a.type, a.format, a.theme, a.organiser,
       a.region_id, r.name AS venue, r.country AS venue_country, p.period,
       s.companies_nl, s.companies_de, s.persons_nl, s.persons_de, s.is_cross_border,
       a.date <= c.data_as_of AS has_taken_place
FROM activity a
JOIN activity_sides s USING (activity_id)
LEFT JOIN region r USING (region_id)
CROSS JOIN project_calendar c
LEFT JOIN reporting_period p ON a.date BETWEEN p.starts_on AND p.ends_on
ORDER BY a.date, a.activity_id
