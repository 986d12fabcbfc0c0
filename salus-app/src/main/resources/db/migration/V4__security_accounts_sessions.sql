-- Security: user accounts and credentials, break-glass grants and privacy alerts, and browser sessions.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL.

create table security_account (
    id                  varchar(64)  not null primary key,
    -- stored lower-case; sign-in compares case-insensitively
    username            varchar(100) not null,
    display_name        varchar(200) not null,
    password_hash       varchar(255) not null,
    -- the FHIR resource this user is: Practitioner/…, Patient/… or RelatedPerson/…
    fhir_user           varchar(130),
    enabled             boolean      not null,
    failed_attempts     integer      not null,
    locked_until        timestamp with time zone,
    -- base32 TOTP key once enrolled; the last accepted time step stops a code being replayed
    totp_secret         varchar(64),
    totp_last_step      bigint       not null,
    password_changed_at timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    constraint uq_security_account_username unique (username)
);

create table security_account_role (
    account_id  varchar(64) not null references security_account (id) on delete cascade,
    role        varchar(40) not null,
    constraint pk_security_account_role primary key (account_id, role)
);

create table security_recovery_code (
    account_id  varchar(64)  not null references security_account (id) on delete cascade,
    code_hash   varchar(255) not null,
    used_at     timestamp with time zone
);
create index ix_security_recovery_code_account on security_recovery_code (account_id);

-- A clinician's time-boxed emergency access to one patient's record, with the reason they gave.
create table security_break_glass (
    id          varchar(64)  not null primary key,
    account_id  varchar(64)  not null references security_account (id),
    patient_id  varchar(64)  not null,
    reason      varchar(1000) not null,
    started_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index ix_security_break_glass_account on security_break_glass (account_id, expires_at);

-- Alerts for privacy officers (break-glass, lockouts); acknowledged once looked at.
create table security_alert (
    id               varchar(64)  not null primary key,
    kind             varchar(40)  not null,
    account_id       varchar(64),
    patient_id       varchar(64),
    detail           varchar(1000) not null,
    created_at       timestamp with time zone not null,
    acknowledged_by  varchar(64),
    acknowledged_at  timestamp with time zone
);
create index ix_security_alert_created on security_alert (created_at);

-- Spring Session's tables (spring-session-jdbc 4.0 schema), so any node can serve any session.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
