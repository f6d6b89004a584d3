-- Headline figures of the cooperation: activities, companies and persons per side, collaborations.
SELECT
    (SELECT count(*) FROM activity) AS activities,
    (SELECT count(*) FROM activity_sides WHERE is_cross_border) AS cross_border_activities,
    (SELECT count(DISTINCT p.company_id) FROM participation p JOIN company c USING (company_id)
      WHERE c.country = 'NL') AS companies_nl,
    (SELECT count(DISTINCT p.company_id) FROM participation p JOIN company c USING (company_id)
      WHERE c.country = 'DE') AS companies_de,
    (SELECT coalesce(sum(persons), 0) FROM participation) AS persons,
    (SELECT count(*) FROM collaboration WHERE status IN ('active', 'completed')) AS collaborating,
    (SELECT count(*) FROM collaboration WHERE status = 'planned') AS planned,
    (SELECT count(*) FROM collaboration WHERE status = 'stopped') AS stopped,
    (SELECT bool_or(is_sample) FROM activity) AS is_sample
