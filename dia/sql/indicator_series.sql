-- Every indicator's value per reporting period that has begun, per side and in total, and the
-- cumulative total at the end of each period.
WITH totals AS (
    SELECT v.code, p.period, p.position, p.starts_on, p.ends_on,
           sum(v.value) AS value,
           sum(v.value) FILTER (WHERE v.side = 'NL') AS side_nl,
           sum(v.value) FILTER (WHERE v.side = 'DE') AS side_de,
           sum(v.value) FILTER (WHERE v.side = 'NL-DE') AS side_joint
    FROM indicator_value v
    JOIN reporting_period p USING (period)
    GROUP BY ALL
)
SELECT t.*, sum(t.value) OVER (PARTITION BY t.code ORDER BY t.position) AS cumulative,
       i.target, i.baseline
FROM totals t
JOIN indicator i USING (code)
ORDER BY i.position, t.position
