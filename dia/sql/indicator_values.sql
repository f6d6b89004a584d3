-- Every indicator's value per reporting period and side as built from today's records (the
-- reporting ledger freezes the submitted ones: core/reports.py).
SELECT code, period, side, value
FROM indicator_value
ORDER BY code, period, side
