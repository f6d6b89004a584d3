-- Per association: members flagged as recognised training company (erkend leerbedrijf /
-- Ausbildungsbetrieb), the places they offer, and how many lists say anything about it.
SELECT association,
       count(*) FILTER (WHERE training_company) AS training_companies,
       coalesce(sum(internship_places), 0) AS places,
       count(training_company) AS answered,
       count(*) AS members,
       bool_or(is_sample) AS is_sample
FROM member
WHERE member_until IS NULL OR member_until > current_date
GROUP BY association
ORDER BY association
