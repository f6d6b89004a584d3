-- The ledger adds up: evidence only of configured indicators, sides and reporting periods,
-- never negative, and every value equals the sum of its evidence.
SELECT 'evidence of unknown indicator or side' AS problem, e.code, e.period, e.side
FROM indicator_evidence e
LEFT JOIN indicator i ON i.code = e.code AND list_contains(string_split(i.sides, ','), e.side)
WHERE i.code IS NULL
UNION ALL
SELECT 'evidence outside the reporting periods', e.code, e.period, e.side
FROM indicator_evidence e
LEFT JOIN reporting_period p ON p.period = e.period AND e.occurred_on BETWEEN p.starts_on AND p.ends_on
WHERE p.period IS NULL OR e.occurred_on > (SELECT data_as_of FROM project_calendar)
UNION ALL
SELECT 'negative amount', code, period, side FROM indicator_evidence WHERE amount < 0
UNION ALL
SELECT 'value differs from its evidence', v.code, v.period, v.side
FROM indicator_value v
LEFT JOIN (
    SELECT code, period, side, sum(amount) AS total FROM indicator_evidence GROUP BY ALL
) e USING (code, period, side)
WHERE abs(v.value - coalesce(e.total, 0)) > 1e-9
UNION ALL
SELECT 'evidence without value', e.code, e.period, e.side
FROM indicator_evidence e
ANTI JOIN indicator_value v USING (code, period, side)
UNION ALL
SELECT 'calendar missing', NULL, NULL, NULL
WHERE (SELECT count(*) FROM project_calendar) <> 1;
