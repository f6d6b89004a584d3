-- RCO115 Public events across borders jointly organised: activities with participating
-- companies from both NL and DE (activity_sides), on the activity's date, for the country of
-- the venue; online events and events outside the project area count for NL and DE jointly.
SELECT a.date AS occurred_on,
       CASE WHEN a.format = 'digital' OR r.country IS NULL THEN 'NL-DE' ELSE r.country END AS side,
       a.region_id,
       a.activity_id,
       NULL AS company_id,
       NULL AS collaboration_id,
       1 AS amount
FROM activity a
JOIN activity_sides s USING (activity_id)
LEFT JOIN region r USING (region_id)
JOIN project_calendar cal ON a.date BETWEEN cal.project_start AND cal.data_as_of
WHERE s.is_cross_border
