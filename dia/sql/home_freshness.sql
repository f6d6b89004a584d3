-- How fresh each kind of data is: per topic the sources used, the newest and oldest vintage,
-- whether any is sample data; the project records also say how far they go.
WITH used AS (
    SELECT 'records' AS topic, source_id FROM activity
    UNION SELECT 'records', source_id FROM participation
    UNION SELECT 'records', source_id FROM collaboration
    UNION SELECT 'records', source_id FROM milestone
    UNION SELECT 'members', source_id FROM member
    UNION SELECT 'labour', source_id FROM labour_market
    UNION SELECT 'energy', source_id FROM energy_capacity
)
SELECT u.topic,
       count(DISTINCT s.source_id) AS sources,
       max(s.vintage) AS newest,
       min(s.vintage) AS oldest,
       bool_or(s.is_sample) AS is_sample,
       CASE WHEN u.topic = 'records' THEN (SELECT max(data_as_of) FROM project_calendar) END AS records_up_to
FROM used u
JOIN source s USING (source_id)
GROUP BY u.topic
ORDER BY CASE u.topic WHEN 'records' THEN 1 WHEN 'members' THEN 2 WHEN 'labour' THEN 3 ELSE 4 END
