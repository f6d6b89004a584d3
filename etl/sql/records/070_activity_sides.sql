-- Who took part in each activity, per side of the border: the basis of "cross-border" for the
-- cooperation page and the indicators RCO115 and RCO081 (docs/indicators.md).
INSERT INTO activity_sides
SELECT a.activity_id,
       count(p.company_id) FILTER (WHERE c.country = 'NL') AS companies_nl,
       count(p.company_id) FILTER (WHERE c.country = 'DE') AS companies_de,
       coalesce(sum(p.persons) FILTER (WHERE c.country = 'NL'), 0) AS persons_nl,
       coalesce(sum(p.persons) FILTER (WHERE c.country = 'DE'), 0) AS persons_de,
       coalesce(bool_or(c.country = 'NL') AND bool_or(c.country = 'DE'), false) AS is_cross_border
FROM activity a
LEFT JOIN participation p USING (activity_id)
LEFT JOIN company c USING (company_id)
GROUP BY a.activity_id;
