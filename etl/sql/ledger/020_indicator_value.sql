-- Every indicator's value per reporting period and side: the sum of its evidence. Periods that
-- have begun by data_as_of get a row for each of the indicator's sides, zero included, so a
-- missing row never hides a zero.
INSERT INTO indicator_value
SELECT i.code, p.period, side.side, coalesce(sum(e.amount), 0) AS value
FROM indicator i
CROSS JOIN (SELECT unnest(string_split(sides, ',')) AS side, code FROM indicator) side
JOIN reporting_period p ON p.starts_on <= (SELECT data_as_of FROM project_calendar)
LEFT JOIN indicator_evidence e ON e.code = i.code AND e.period = p.period AND e.side = side.side
WHERE side.code = i.code
GROUP BY i.code, p.period, side.side
