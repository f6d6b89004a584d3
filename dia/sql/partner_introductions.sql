-- Introductions made on the partner page and loaded as planned collaborations: how many, per
-- status now (an introduction may since have become active).
SELECT status, count(*) AS collaborations
FROM collaboration
WHERE collaboration_id LIKE 'INTRO-%'
GROUP BY ALL
