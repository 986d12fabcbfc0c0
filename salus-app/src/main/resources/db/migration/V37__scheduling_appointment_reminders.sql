-- Appointment reminders that were handed to messaging: which notification reminded of which appointment
-- at which start, so a text reply ("C", "X") can be pinned on the appointment it answers. Ids, a code
-- and instants only (the reminder's text lives, sealed, in messaging).
create table scheduling_reminder_sent (
  notification_id    varchar(36) not null primary key,
  appointment_id     varchar(64) not null,
  kind               varchar(16) not null,       -- email-24h, sms-24h, sms-2h, extra
  appointment_start  timestamp with time zone not null,
  sent_at            timestamp with time zone not null
);
create index scheduling_reminder_sent_appointment_idx on scheduling_reminder_sent (appointment_id);

-- A patient's "yes, I will come" for an appointment at one start time (FHIR's status stays booked; a
-- moved appointment needs a new confirmation). via: link or sms.
create table scheduling_appointment_confirmation (
  appointment_id     varchar(64) not null,
  appointment_start  timestamp with time zone not null,
  via                varchar(16) not null,
  confirmed_at       timestamp with time zone not null,
  primary key (appointment_id, appointment_start)
);
