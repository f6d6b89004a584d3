-- The sources behind the training figures, for the captions under the charts.
SELECT DISTINCT s.source_id, s.title, s.publisher, s.attribution, s.vintage, s.is_sample,
       t.country
FROM training_supply t
JOIN source s USING (source_id)
ORDER BY t.country, s.is_sample, s.title
