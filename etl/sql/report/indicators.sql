-- Every indicator with its texts in the three languages and its framework (kept with a
-- submission, so its files can be made again as they were).
SELECT code, position, kind, name_en, name_nl, name_de, unit, unit_nl, unit_de,
       definition_en, definition_nl, definition_de, official_code, programme_period, legal_basis,
       computation, sides, baseline, target
FROM indicator
ORDER BY position
