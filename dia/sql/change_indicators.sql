-- Indicators whose total changed in $scope, with names in $lang.
SELECT c.code, i.position,
       CASE $lang WHEN 'nl' THEN i.name_nl WHEN 'de' THEN i.name_de ELSE i.name_en END AS name,
       c.before, c.after
FROM change_indicator c
LEFT JOIN indicator i USING (code)
WHERE c.scope = $scope
ORDER BY i.position, c.code
