-- Every member belongs to a company, and every company has a member.
SELECT 'member without company' AS problem, m.member_id AS id
FROM member m LEFT JOIN company c USING (company_id)
WHERE c.company_id IS NULL
UNION ALL
SELECT 'company without member', c.company_id
FROM company c LEFT JOIN member m USING (company_id)
WHERE m.member_id IS NULL;
