-- Contact persons apart from the member table: only roles allowed to see them query this.
INSERT INTO member_contact BY NAME
SELECT
    association || '-' || substr(md5(company_key), 1, 16) AS member_id,
    arg_min(person, ord) AS person,
    arg_min(email, ord) AS email,
    arg_min(phone, ord) AS phone
FROM stg_member_keyed
WHERE person IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL
GROUP BY association, company_key;
