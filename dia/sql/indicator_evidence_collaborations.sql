-- The collaborations behind indicator $code up to period $period: type, state, start, where the
-- partners are and the evidence on file. A partner's name only when it is a member of an
-- association in $visible; the evidence note (free text) only with $free_text.
WITH counted AS (
    SELECT k.collaboration_id, k.type, k.status, k.started_on, k.evidence,
           nl.company_id AS company_id_nl, nl.name AS name_nl, rnl.name AS municipality_nl,
           de.company_id AS company_id_de, de.name AS name_de, rde.name AS municipality_de,
           (SELECT list(DISTINCT m.association ORDER BY m.association) FROM member m
             WHERE m.company_id = nl.company_id) AS associations_nl,
           (SELECT list(DISTINCT m.association ORDER BY m.association) FROM member m
             WHERE m.company_id = de.company_id) AS associations_de,
           sum(e.amount) AS counted
    FROM indicator_evidence e
    JOIN collaboration k USING (collaboration_id)
    JOIN company nl ON nl.company_id = k.company_id_nl
    JOIN company de ON de.company_id = k.company_id_de
    LEFT JOIN region rnl ON rnl.region_id = nl.region_id
    LEFT JOIN region rde ON rde.region_id = de.region_id
    JOIN reporting_period p ON p.period = e.period
    WHERE e.code = $code
      AND p.position <= (SELECT position FROM reporting_period WHERE period = $period)
    GROUP BY ALL
)
SELECT collaboration_id, type, status, started_on,
       CASE WHEN $free_text THEN evidence END AS evidence,
       company_id_nl,
       CASE WHEN list_has_any(associations_nl, $visible::VARCHAR[]) THEN name_nl END AS name_nl,
       municipality_nl,
       company_id_de,
       CASE WHEN list_has_any(associations_de, $visible::VARCHAR[]) THEN name_de END AS name_de,
       municipality_de, associations_nl, associations_de, counted
FROM counted
ORDER BY started_on, collaboration_id
