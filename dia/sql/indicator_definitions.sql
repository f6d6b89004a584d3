-- Name and definition of each indicator in $lang (the deck's definitions slide).
SELECT code,
       CASE $lang WHEN 'nl' THEN name_nl WHEN 'de' THEN name_de ELSE name_en END AS name,
       CASE $lang WHEN 'nl' THEN definition_nl WHEN 'de' THEN definition_de ELSE definition_en END AS definition
FROM indicator
ORDER BY position
