SELECT source_id, title, publisher, licence, attribution, vintage, is_sample
FROM source
ORDER BY is_sample, publisher, title
