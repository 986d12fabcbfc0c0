-- Notifications to patients: one row per request, one delivery row per channel. Ids, codes, statuses
-- and times only; the request's variables and the rendered text are sealed with the patient's data key
-- (PatientDataCipher), and addresses are never stored: they are read from the Patient at delivery.
create table messaging_notification (
  id                varchar(36) not null primary key,
  -- a repeat of the same request (another node, a redelivered event, a restart) finds this row and sends nothing
  idempotency_key   varchar(200) not null,
  patient_id        varchar(64) not null,
  template_key      varchar(64) not null,
  variables_key_id  varchar(64) not null,
  variables         bytea not null,
  requested_at      timestamp with time zone not null,
  not_before        timestamp with time zone,
  read_at           timestamp with time zone,
  constraint messaging_notification_idempotency_uk unique (idempotency_key)
);
create index messaging_notification_patient_idx on messaging_notification (patient_id, requested_at);

create table messaging_delivery (
  id               varchar(36) not null primary key,
  notification_id  varchar(36) not null references messaging_notification (id),
  -- empty until the first attempt resolves the patient's preferred channel
  channel          varchar(16),
  status           varchar(16) not null,
  attempts         int not null,
  last_error       varchar(64),
  due_at           timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  sent_at          timestamp with time zone,
  gateway_ref      varchar(64),
  language         varchar(16),
  body_key_id      varchar(64),
  body             bytea
);
create index messaging_delivery_notification_idx on messaging_delivery (notification_id);

-- How a patient wants to be reached: codes, a zone id and local times, nothing identifying.
create table messaging_contact_preferences (
  patient_id         varchar(64) not null primary key,
  preferred_channel  varchar(16) not null,
  language           varchar(16) not null,
  time_zone          varchar(64) not null,
  quiet_hours_start  time,
  quiet_hours_end    time,
  updated_at         timestamp with time zone not null
);
