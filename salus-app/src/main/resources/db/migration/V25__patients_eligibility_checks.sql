-- Insurance eligibility checks (270/271) and where each stands. Ids, statuses, counts, times and
-- reason codes only: the member id, names and the X12 itself are patient data and live in the FHIR
-- store (CoverageEligibilityRequest/Response), encrypted.
create table patients_eligibility_check (
    id              varchar(64) primary key,
    patient_id      varchar(64) not null,
    coverage_id     varchar(64) not null,
    request_id      varchar(64),
    response_id     varchar(64),
    -- PENDING (queued or waiting to retry), VERIFIED, INACTIVE, NOT_FOUND, FAILED
    status          varchar(16) not null,
    attempts        integer not null default 0,
    next_attempt_at timestamp with time zone,
    -- why it is not VERIFIED: AAA-42, HTTP-503, TIMEOUT, TA1-022 …
    error_code      varchar(32),
    requested_at    timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

create index patients_eligibility_check_patient on patients_eligibility_check (patient_id, requested_at);
