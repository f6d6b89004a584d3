SELECT code, level, label_en, label_nl, label_de
FROM isco_group
ORDER BY code
