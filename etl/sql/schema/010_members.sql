-- ## members
--
-- The associations' member lists ([members.md](members.md)): read by
-- `etl/readers/members.py`, merged by `etl/harmonise/members.py` (`etl/sql/members/*.sql`).
-- Staging (`stg_member`) is a temporary table and never reaches the published file.

-- One row per real company, however many associations it is a member of: the Interreg rule
-- "count each enterprise once" (CO01). A company is a member of both associations when two
-- `member` rows share its `company_id`.
CREATE TABLE company (
    company_id     VARCHAR PRIMARY KEY,  -- the company key: register number, else name and postcode
    country        VARCHAR NOT NULL,     -- of the address in the register's country where known
    register_id    VARCHAR,              -- `KvK 04123456` or `HRB 123456`
    name           VARCHAR NOT NULL,     -- as a member list writes it
    region_id      VARCHAR,              -- gemeente or Gemeinde of the address
    nace_section   VARCHAR,              -- NACE Rev. 2 section letter
    nace_division  VARCHAR,              -- NACE Rev. 2 division (2 digits)
    postcode       VARCHAR,              -- normalised: `7811 AB`, `49716`
    city           VARCHAR,              -- as written
    employees      INTEGER,              -- the largest head count reported
    size_class     VARCHAR,              -- EU class of `employees`
    is_sample      BOOLEAN               -- generated sample data
);

-- One row per association and company (duplicate rows of a list are merged).
CREATE TABLE member (
    member_id       VARCHAR PRIMARY KEY,  -- `OE-…` / `WVE-…` + 16 hex digits of the company key;
                                          -- stable across builds while register number (or name
                                          -- and postcode) stay the same
    association     VARCHAR NOT NULL CHECK (association IN ('OE', 'WVE')),  -- `OE` or `WVE`
    company_id      VARCHAR NOT NULL,     -- the `company` this membership belongs to
    name            VARCHAR NOT NULL,     -- as the association writes it
    postcode        VARCHAR,              -- normalised: `7811 AB`, `49716`
    region_id       VARCHAR,              -- gemeente, Gemeinde — or Samtgemeinde/Landkreis where
                                          -- the PLZ did not decide (`region_flag`)
    nace_section    VARCHAR,              -- NACE Rev. 2 section letter (SBI 2008 = WZ 2008 = NACE
                                          -- to the class)
    nace_division   VARCHAR,              -- NACE Rev. 2 division (2 digits)
    size_class      VARCHAR,              -- EU class `micro` < 10, `small` < 50, `medium` < 250,
                                          -- `large`
    employees       INTEGER,              -- head count
    training_company  BOOLEAN,            -- recognised training company (SBB erkend leerbedrijf,
                                          -- Ausbildungsbetrieb); empty when the list does not say
    internship_places INTEGER,            -- internship and training places the company offers
    member_since    DATE,                 -- joined
    member_until    DATE,                 -- left; empty while a member
    region_flag     VARCHAR,              -- empty, `plz_city`, `plz_samtgemeinde`, `plz_kreis` or
                                          -- `city_only` (members.md)
    source_id       VARCHAR NOT NULL,     -- the list it came from
    is_sample       BOOLEAN NOT NULL,
    member_number   VARCHAR,              -- the association's own number, if any
    register_id     VARCHAR,              -- `KvK 04123456` or `HRB 123456`
    register_court  VARCHAR,              -- court (`Osnabrück`) if given
    street          VARCHAR,              -- as written
    city            VARCHAR,              -- as written
    country         VARCHAR,              -- country of this address (`NL`/`DE`)
    rows_merged     INTEGER               -- how many rows of the lists were merged into this member
);

-- Personal data, apart from `member`. Only the association's own staff and admins see it in the
-- dashboard; give analysts access to it only when they need it.
CREATE TABLE member_contact (
    member_id  VARCHAR PRIMARY KEY,  -- the `member`
    person     VARCHAR,              -- contact person
    email      VARCHAR,  -- as written
    phone      VARCHAR  -- as written
);

-- The 21 NACE Rev. 2 sections A–U with labels (NL: CBS SBI 2008, DE: Destatis WZ 2008, EN:
-- Eurostat NACE Rev. 2) and short labels for charts.
CREATE TABLE nace_section (
    section   VARCHAR PRIMARY KEY,  -- letter A–U
    label_nl  VARCHAR NOT NULL,
    label_de  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL,
    short_nl  VARCHAR NOT NULL,     -- short label for charts
    short_de  VARCHAR NOT NULL,
    short_en  VARCHAR NOT NULL
);

-- The 88 NACE Rev. 2 divisions.
CREATE TABLE nace_division (
    division  VARCHAR PRIMARY KEY,  -- two digits
    section   VARCHAR NOT NULL,     -- its section letter
    label_nl  VARCHAR NOT NULL,
    label_de  VARCHAR NOT NULL,
    label_en  VARCHAR NOT NULL
);
