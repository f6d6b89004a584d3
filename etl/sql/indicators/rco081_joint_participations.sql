-- RCO081 Participations in joint actions across borders: the persons each company sent to an
-- activity counted for RCO115, on the activity's date, for the country of the company
-- (project_participation: etl/sql/ledger/015_participation.sql).
SELECT p.* EXCLUDE (activity_type)
FROM project_participation p
JOIN activity_sides s USING (activity_id)
WHERE s.is_cross_border
