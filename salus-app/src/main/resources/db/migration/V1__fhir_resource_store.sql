-- The FHIR resource store: current versions, full history and search indexes.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL.

-- Primary keys come from a pooled sequence (the application reserves 50 at a time)
-- so bulk writes can batch inserts without a round trip per row.
create sequence fhir_resource_seq start with 1 increment by 50;

create table fhir_resource (
    id            bigint       not null primary key,
    res_type      varchar(64)  not null,
    fhir_id       varchar(64)  not null,
    version       bigint       not null,
    -- patient compartment key: the Patient id this row belongs to (null for shared resources);
    -- the access policy and a future distribution by patient both key on it
    compartment   varchar(64),
    last_updated  timestamp with time zone not null,
    deleted       boolean      not null,
    -- id of the key the codec sealed the body with ('plain' when not encrypted)
    key_id        varchar(64)  not null,
    body          bytea,
    constraint uq_fhir_resource_type_id unique (res_type, fhir_id)
);
create index ix_fhir_resource_compartment on fhir_resource (compartment);
create index ix_fhir_resource_updated on fhir_resource (res_type, last_updated);

create table fhir_resource_history (
    resource_id   bigint       not null,
    version       bigint       not null,
    res_type      varchar(64)  not null,
    fhir_id       varchar(64)  not null,
    compartment   varchar(64),
    last_updated  timestamp with time zone not null,
    deleted       boolean      not null,
    method        varchar(8)   not null,
    key_id        varchar(64)  not null,
    body          bytea,
    constraint pk_fhir_resource_history primary key (resource_id, version)
);
create index ix_fhir_history_updated on fhir_resource_history (last_updated);
create index ix_fhir_history_type_updated on fhir_resource_history (res_type, last_updated);

-- One table per search parameter kind; rows are rebuilt on every write of the resource.
create table fhir_idx_string (
    resource_id   bigint       not null,
    res_type      varchar(64)  not null,
    param         varchar(64)  not null,
    value_norm    varchar(256) not null,
    value_exact   varchar(256) not null
);
create index ix_idx_string_value on fhir_idx_string (res_type, param, value_norm, resource_id);
create index ix_idx_string_resource on fhir_idx_string (resource_id);

create table fhir_idx_token (
    resource_id   bigint       not null,
    res_type      varchar(64)  not null,
    param         varchar(64)  not null,
    system        varchar(256),
    code          varchar(256),
    text_norm     varchar(256)
);
create index ix_idx_token_code on fhir_idx_token (res_type, param, code, system, resource_id);
create index ix_idx_token_resource on fhir_idx_token (resource_id);

create table fhir_idx_date (
    resource_id   bigint       not null,
    res_type      varchar(64)  not null,
    param         varchar(64)  not null,
    -- inclusive range in epoch milliseconds; an open end is stored as the extreme value
    low_ms        bigint       not null,
    high_ms       bigint       not null
);
create index ix_idx_date_low on fhir_idx_date (res_type, param, low_ms, high_ms, resource_id);
create index ix_idx_date_resource on fhir_idx_date (resource_id);

create table fhir_idx_number (
    resource_id   bigint       not null,
    res_type      varchar(64)  not null,
    param         varchar(64)  not null,
    num_value     decimal(38, 10) not null
);
create index ix_idx_number_value on fhir_idx_number (res_type, param, num_value, resource_id);
create index ix_idx_number_resource on fhir_idx_number (resource_id);

create table fhir_idx_quantity (
    resource_id   bigint       not null,
    res_type      varchar(64)  not null,
    param         varchar(64)  not null,
    num_value     decimal(38, 10) not null,
    system        varchar(256),
    code          varchar(256)
);
create index ix_idx_quantity_value on fhir_idx_quantity (res_type, param, num_value, resource_id);
create index ix_idx_quantity_resource on fhir_idx_quantity (resource_id);

create table fhir_idx_reference (
    resource_id   bigint       not null,
    res_type      varchar(64)  not null,
    param         varchar(64)  not null,
    target_type   varchar(64),
    target_id     varchar(256) not null
);
create index ix_idx_reference_target on fhir_idx_reference (res_type, param, target_id, target_type, resource_id);
create index ix_idx_reference_rev on fhir_idx_reference (target_id, target_type);
create index ix_idx_reference_resource on fhir_idx_reference (resource_id);

create table fhir_idx_uri (
    resource_id   bigint       not null,
    res_type      varchar(64)  not null,
    param         varchar(64)  not null,
    uri           varchar(512) not null
);
create index ix_idx_uri_value on fhir_idx_uri (res_type, param, uri, resource_id);
create index ix_idx_uri_resource on fhir_idx_uri (resource_id);
