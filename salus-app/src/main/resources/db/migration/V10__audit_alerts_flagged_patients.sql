-- Audit: the alerts security monitors raise, and the records privacy officers flag for watching.
-- Alerting moves here from the security module: its old alerts are carried over (without their free
-- text, which could hold clinical detail; the break-glass reason stays in security_break_glass) and
-- its table is dropped. Portable between H2 (PostgreSQL mode) and PostgreSQL.

create table audit_alert (
    id               varchar(64)  not null primary key,
    rule             varchar(40)  not null,
    severity         varchar(10)  not null,
    -- account or client id the alert is about, and the patient compartment, when there is one
    actor_id         varchar(200),
    patient_id       varchar(64),
    -- ids and fixed words only
    detail           varchar(500) not null,
    -- the audit entry that raised it
    entry_sequence   bigint,
    created_at       timestamp with time zone not null,
    -- rule + subject while the alert is open within its window; the unique constraint keeps one open
    -- alert per rule and subject even when several nodes evaluate at once (null once closed)
    open_key         varchar(300),
    acknowledged_by  varchar(200),
    acknowledged_at  timestamp with time zone,
    constraint uq_audit_alert_open_key unique (open_key)
);
create index ix_audit_alert_created on audit_alert (created_at);

-- Patients whose records are watched (VIPs, employees): any access by someone else raises an alert.
create table audit_flagged_patient (
    patient_id  varchar(64)  not null primary key,
    reason      varchar(20)  not null,
    flagged_by  varchar(200) not null,
    flagged_at  timestamp with time zone not null
);

insert into audit_alert (id, rule, severity, actor_id, patient_id, detail, created_at, acknowledged_by,
        acknowledged_at)
    select id, kind, 'high', account_id, patient_id, 'carried over from the security module', created_at,
        acknowledged_by, acknowledged_at
    from security_alert;

drop table security_alert;
