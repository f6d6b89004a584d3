"""DIA Monitor ETL: read member lists, project records and statistics into a versioned DuckDB."""
