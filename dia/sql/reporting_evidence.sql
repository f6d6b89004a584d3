-- What every indicator counts today in the reporting periods up to position $position, item by
-- item (compared with what a submitted report counted, to explain its correction).
SELECT e.code, e.period, e.side, e.activity_id, e.company_id, e.collaboration_id, e.amount
FROM indicator_evidence e
JOIN reporting_period p USING (period)
WHERE p.position <= $position
