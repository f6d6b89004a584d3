-- Engagement per association: members during the project, members whose company took part in
-- an activity, was matched (named in any collaboration, also planned or stopped) and
-- collaborates (a collaboration that is active or completed). A company in both associations
-- counts in both funnels.
WITH members AS (
    SELECT DISTINCT m.association, m.company_id
    FROM member m CROSS JOIN project_calendar c
    WHERE (m.member_since IS NULL OR m.member_since <= c.data_as_of)
      AND (m.member_until IS NULL OR m.member_until >= c.project_start)
),
partners AS (
    SELECT company_id_nl AS company_id, status FROM collaboration
    UNION ALL
    SELECT company_id_de, status FROM collaboration
)
SELECT m.association,
       count(*) AS members,
       count(*) FILTER (WHERE m.company_id IN (SELECT company_id FROM participation)) AS took_part,
       count(*) FILTER (WHERE m.company_id IN (SELECT company_id FROM partners)) AS matched,
       count(*) FILTER (WHERE m.company_id IN (
           SELECT company_id FROM partners WHERE status IN ('active', 'completed'))) AS collaborating
FROM members m
GROUP BY m.association
ORDER BY m.association
