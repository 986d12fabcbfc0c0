-- Patients: one row per registration, ids and flags only (names, numbers and the MRN itself live in
-- the encrypted FHIR store). Written in the same transaction as the Patient, Consent and Coverage.
create table patients_registration (
    patient_id          varchar(64)  not null primary key,
    consent_id          varchar(64)  not null,
    -- null: self-pay
    coverage_id         varchar(64),
    -- the master patient index found probable matches and queued the record for review
    possible_duplicate  boolean      not null,
    -- the account or client that registered the patient
    registered_by       varchar(100) not null,
    registered_at       timestamp with time zone not null
);
create index ix_patients_registration_at on patients_registration (registered_at);
