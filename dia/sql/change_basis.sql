-- What this version was compared with: the version published before it, the latest report.
SELECT scope, reference, reference_version, compared_at
FROM change_basis
