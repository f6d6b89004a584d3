-- Every indicator's value per reporting period and side, as built from the records.
SELECT code, period, side, value
FROM indicator_value
ORDER BY code, period, side
