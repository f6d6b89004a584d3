-- What every indicator counts up to and including reporting period $period, item by item.
SELECT e.code, e.period, e.side, e.activity_id, e.company_id, e.collaboration_id, e.amount
FROM indicator_evidence e
JOIN reporting_period p USING (period)
WHERE p.position <= (SELECT position FROM reporting_period WHERE period = $period)
ORDER BY ALL
