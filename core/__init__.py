"""Foundation shared by the ETL and the dashboard: paths, the published version, languages and
catalogs, code lists. It imports neither ``etl`` nor ``dia``."""
