-- Per pair of companies the strongest collaboration status between them (active before
-- planned before completed before stopped), to flag suggestions that already cooperate.
SELECT company_id_nl, company_id_de,
       arg_min(status, CASE status WHEN 'active' THEN 1 WHEN 'planned' THEN 2
                                   WHEN 'completed' THEN 3 ELSE 4 END) AS status
FROM collaboration
GROUP BY ALL
