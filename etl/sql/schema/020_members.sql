-- Member lists (docs/members.md, docs/warehouse.md): columns beyond the core contract and the
-- NACE Rev. 2 labels every sector chart uses.

ALTER TABLE member ADD COLUMN member_number VARCHAR;
ALTER TABLE member ADD COLUMN register_id VARCHAR;
ALTER TABLE member ADD COLUMN register_court VARCHAR;
ALTER TABLE member ADD COLUMN street VARCHAR;
ALTER TABLE member ADD COLUMN city VARCHAR;
ALTER TABLE member ADD COLUMN country VARCHAR;
ALTER TABLE member ADD COLUMN rows_merged INTEGER;

ALTER TABLE company ADD COLUMN nace_division VARCHAR;
ALTER TABLE company ADD COLUMN postcode VARCHAR;
ALTER TABLE company ADD COLUMN city VARCHAR;
ALTER TABLE company ADD COLUMN employees INTEGER;
ALTER TABLE company ADD COLUMN size_class VARCHAR;
ALTER TABLE company ADD COLUMN is_sample BOOLEAN;

CREATE TABLE nace_section (
    section   VARCHAR PRIMARY KEY,
    label_nl  VARCHAR NOT NULL,
    label_de  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL,
    short_nl  VARCHAR NOT NULL,
    short_de  VARCHAR NOT NULL,
    short_en  VARCHAR NOT NULL
);

CREATE TABLE nace_division (
    division  VARCHAR PRIMARY KEY,
    section   VARCHAR NOT NULL,
    label_nl  VARCHAR NOT NULL,
    label_de  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL
);
