-- Encryption at rest: data keys (one per patient compartment, one for the organisation), each in
-- versions, stored only wrapped by the key-encryption key; key rotation jobs; patient erasures.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL.

create sequence crypto_data_key_seq start with 1 increment by 1;

create table crypto_data_key (
    id            bigint       not null primary key,
    -- 'Patient/<id>' for a patient compartment, 'organisation' for resources without one
    owner         varchar(80)  not null,
    version       integer      not null,
    -- the AES-256 key wrapped by the KEK (Tink AEAD, associated data = owner and version); null once destroyed
    wrapped_key   bytea,
    -- which key of the KEK keyset wrapped it (a re-wrap moves it to the current primary)
    kek_id        varchar(64),
    -- active (seals when newest, opens), retired (no stored body uses it; opens only), destroyed (erased)
    state         varchar(16)  not null,
    created_at    timestamp with time zone not null,
    destroyed_at  timestamp with time zone,
    -- two nodes creating the same owner's key at once: one insert wins, the other re-reads
    constraint uq_crypto_data_key_owner_version unique (owner, version)
);
create index ix_crypto_data_key_kek on crypto_data_key (kek_id);

-- A rotation runs in the background on whichever node holds its lease; the cursor makes it resumable.
create table crypto_rotation (
    id            varchar(36)  not null primary key,
    state         varchar(16)  not null,
    phase         varchar(16)  not null,
    requested_by  varchar(128) not null,
    rows_total    bigint       not null,
    rows_done     bigint       not null,
    bodies_resealed bigint     not null,
    cursor_row    bigint       not null,
    keys_rewrapped integer     not null,
    keys_created  integer      not null,
    keys_retired  integer      not null,
    lease_owner   varchar(64),
    lease_until   timestamp with time zone,
    started_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);
create index ix_crypto_rotation_state on crypto_rotation (state);

-- Who erased which patient's keys and why (the reason stays here; events carry only its length).
create table crypto_erasure (
    id            varchar(36)  not null primary key,
    patient_id    varchar(64)  not null,
    requested_by  varchar(128) not null,
    reason        varchar(1000) not null,
    keys_destroyed integer     not null,
    erased_at     timestamp with time zone not null
);
