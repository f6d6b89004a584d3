-- Collaborations of the given $statuses by the NACE section of the Dutch and of the German
-- partner, with section labels in $lang.
SELECT coalesce(nl.nace_section, '?') AS section_nl,
       coalesce(de.nace_section, '?') AS section_de,
       CASE $lang WHEN 'nl' THEN snl.short_nl WHEN 'de' THEN snl.short_de ELSE snl.short_en END AS label_nl,
       CASE $lang WHEN 'nl' THEN sde.short_nl WHEN 'de' THEN sde.short_de ELSE sde.short_en END AS label_de,
       count(*) AS collaborations
FROM collaboration k
JOIN company nl ON nl.company_id = k.company_id_nl
JOIN company de ON de.company_id = k.company_id_de
LEFT JOIN nace_section snl ON snl.section = nl.nace_section
LEFT JOIN nace_section sde ON sde.section = de.nace_section
WHERE list_contains($statuses, k.status)
GROUP BY ALL
ORDER BY section_nl, section_de
