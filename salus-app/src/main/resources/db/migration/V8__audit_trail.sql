-- The audit trail: an append-only, hash-chained list of entries (see docs/adr/0004-audit-trail.md).
-- sequence is dense (1, 2, 3 ...) and assigned while audit_chain_head is locked, so every node
-- writing to this database extends one chain. hash = SHA-256(previous_hash || canonical form).
create table audit_entry (
    sequence       bigint primary key,
    recorded_at    timestamp with time zone not null,
    occurred_at    timestamp with time zone not null,
    category       varchar(32) not null,
    action         varchar(64) not null,
    outcome        varchar(16) not null,
    actor_id       varchar(128),
    actor_roles    varchar(512) not null,
    on_behalf_of   varchar(128),
    patient_id     varchar(64),
    resource_type  varchar(64),
    -- comma-separated FHIR ids (ids cannot hold commas); unbounded, like text, on both databases
    resource_ids   varchar not null,
    purpose        varchar(32) not null,
    client_ip      varchar(64),
    user_agent     varchar(256),
    request_id     varchar(64),
    detail         varchar(256),
    previous_hash  varchar(64) not null,
    hash           varchar(64) not null
);

-- officer reports and security monitors: by patient, actor, address and action over time windows
create index ix_audit_entry_patient on audit_entry (patient_id, occurred_at);
create index ix_audit_entry_actor on audit_entry (actor_id, occurred_at);
create index ix_audit_entry_time on audit_entry (occurred_at);
create index ix_audit_entry_action on audit_entry (category, action, occurred_at);
create index ix_audit_entry_client_ip on audit_entry (client_ip, occurred_at);

-- One row: where the chain ends. Writers lock it (select ... for update) for each batch.
-- mac = HMAC of (last_sequence, last_hash) with the checkpoint key, so the end cannot be moved
-- without the key; null only for the empty chain.
create table audit_chain_head (
    id                        smallint primary key check (id = 1),
    last_sequence             bigint not null,
    last_hash                 varchar(64) not null,
    last_checkpoint_sequence  bigint not null,
    last_checkpoint_at        timestamp with time zone,
    mac                       varchar(64)
);
insert into audit_chain_head (id, last_sequence, last_hash, last_checkpoint_sequence)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- Signed checkpoints: every N entries or T minutes, the chain position and hash, signed with the
-- checkpoint key (HMAC-SHA256). Rewriting history needs the key to re-sign them.
create table audit_checkpoint (
    sequence   bigint primary key,
    hash       varchar(64) not null,
    signed_at  timestamp with time zone not null,
    key_id     varchar(16) not null,
    signature  varchar(64) not null
);
