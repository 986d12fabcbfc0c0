-- Patients: the duplicate review queue of the master patient index. A row pairs a newly registered
-- patient with an existing one the matcher found probably the same person. Ids, a score and the names
-- of the fields that agreed only: no name, date, phone or address of either patient is stored here.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL.

create table patients_duplicate_review (
    id                    varchar(36)   not null primary key,
    new_patient_id        varchar(64)   not null,
    candidate_patient_id  varchar(64)   not null,
    -- summed Fellegi-Sunter weight (log2 likelihood ratio) when the pair was queued
    score                 numeric(8, 2) not null,
    -- comma-separated field names (given,family,birthDate …), never values
    agreements            varchar(200)  not null,
    -- OPEN, MERGED or NOT_DUPLICATE
    status                varchar(20)   not null,
    created_at            timestamp with time zone not null,
    decided_by            varchar(200),
    decided_at            timestamp with time zone,
    constraint uq_patients_duplicate_pair unique (new_patient_id, candidate_patient_id)
);
create index ix_patients_duplicate_status on patients_duplicate_review (status, created_at);
create index ix_patients_duplicate_candidate on patients_duplicate_review (candidate_patient_id);
