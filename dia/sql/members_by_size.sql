-- Memberships on $as_of per EU size class (micro < 10, small < 50, medium < 250, large).
SELECT association, coalesce(size_class, 'unknown') AS size_class, count(*) AS members
FROM member
WHERE (member_since IS NULL OR member_since <= $as_of)
  AND (member_until IS NULL OR member_until > $as_of)
GROUP BY ALL
ORDER BY association
