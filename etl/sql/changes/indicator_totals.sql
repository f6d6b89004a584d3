-- Every indicator's total per reporting period (all sides), for the digest's indicator lines.
SELECT code, period, sum(value) AS value
FROM indicator_value
GROUP BY ALL
ORDER BY ALL
