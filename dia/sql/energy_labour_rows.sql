-- Whether any labour-market figures by occupation are loaded (the skills gap needs them).
SELECT count(*) AS figures
FROM labour_market
WHERE isco_code IS NOT NULL
