-- A CSV file has no sheet: '' instead of NULL lets every record row be joined on
-- (file, sheet, row_number). Rejects show it as no sheet again.
UPDATE stg_activity SET sheet = '' WHERE sheet IS NULL;
UPDATE stg_participation SET sheet = '' WHERE sheet IS NULL;
UPDATE stg_collaboration SET sheet = '' WHERE sheet IS NULL;
UPDATE stg_milestone SET sheet = '' WHERE sheet IS NULL;
