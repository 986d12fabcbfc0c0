-- Scheduling (issue 7). Configuration and reservations hold FHIR ids, codes, local times and instants
-- only, never a name or other identifying text: the Appointment resources themselves (with anything
-- the patient said) live in the encrypted resource store.

-- Each site's time zone: working hours are local wall-clock times there.
create table scheduling_location (
    location_id  varchar(64) primary key,
    zone_id      varchar(64) not null
);

-- A practitioner's bookable set-up: the specialty searched by, the default visit length and the
-- buffer kept free after every appointment.
create table scheduling_practitioner (
    practitioner_id  varchar(64) primary key,
    specialty        varchar(64),
    default_minutes  int not null check (default_minutes > 0),
    buffer_minutes   int not null check (buffer_minutes >= 0)
);

-- Weekly pattern per practitioner and site: WORK rows open time, BREAK rows close it again
-- (breaks may overlap each other and the edges of working time).
create table scheduling_weekly_hours (
    practitioner_id  varchar(64) not null references scheduling_practitioner (practitioner_id),
    location_id      varchar(64) not null references scheduling_location (location_id),
    day_of_week      smallint not null check (day_of_week between 1 and 7),
    kind             varchar(8) not null check (kind in ('WORK', 'BREAK')),
    starts_at        time not null,
    ends_at          time not null,
    check (ends_at > starts_at)
);
create index scheduling_weekly_hours_practitioner_idx on scheduling_weekly_hours (practitioner_id);
create index scheduling_weekly_hours_location_idx on scheduling_weekly_hours (location_id);

-- Time nobody can book: a site's holiday (practitioner_id null) or one practitioner's absence
-- (location_id null), as instants.
create table scheduling_closure (
    closure_id       varchar(36) primary key,
    location_id      varchar(64),
    practitioner_id  varchar(64),
    starts_at        timestamp with time zone not null,
    ends_at          timestamp with time zone not null,
    check (ends_at > starts_at),
    check (location_id is not null or practitioner_id is not null)
);
create index scheduling_closure_location_idx on scheduling_closure (location_id, ends_at);
create index scheduling_closure_practitioner_idx on scheduling_closure (practitioner_id, ends_at);

-- Visit kinds (HL7 v2 table 0276 codes) and, where they differ from the practitioner's default, their length.
create table scheduling_appointment_type (
    code     varchar(32) primary key,
    minutes  int check (minutes > 0)
);
insert into scheduling_appointment_type (code, minutes) values
    ('ROUTINE', null), ('CHECKUP', 30), ('FOLLOWUP', 15), ('WALKIN', 15), ('EMERGENCY', 30);

-- One row per booked appointment or waitlist hold: which practitioner, when (including the buffer),
-- and the Appointment resource it stands for. The patient id lets the waitlist and the provider
-- views work without reading every Appointment; it is a FHIR id, not an identifier of the person.
create table scheduling_reservation (
    reservation_id   varchar(36) primary key,
    appointment_id   varchar(64),
    practitioner_id  varchar(64) not null,
    location_id      varchar(64) not null,
    patient_id       varchar(64) not null,
    kind             varchar(8) not null check (kind in ('BOOKED', 'HOLD')),
    status           varchar(16) not null,
    visit_mode       varchar(16) not null,
    starts_at        timestamp with time zone not null,
    ends_at          timestamp with time zone not null,
    blocked_until    timestamp with time zone not null,
    hold_expires_at  timestamp with time zone,
    created_at       timestamp with time zone not null
);
create unique index scheduling_reservation_appointment_idx on scheduling_reservation (appointment_id);
create index scheduling_reservation_practitioner_idx on scheduling_reservation (practitioner_id, starts_at);

-- The no-double-booking invariant: time is cut into 5-minute cells and every live reservation owns
-- the cells from its start to the end of its buffer. Two overlapping bookings for one practitioner
-- would need the same (practitioner, cell) twice, which the primary key refuses on every node.
create table scheduling_reserved_cell (
    practitioner_id  varchar(64) not null,
    cell             bigint not null,
    reservation_id   varchar(36) not null references scheduling_reservation (reservation_id),
    primary key (practitioner_id, cell)
);
create index scheduling_reserved_cell_reservation_idx on scheduling_reserved_cell (reservation_id);

-- Patients waiting for an earlier or any slot with a practitioner (or a specialty at a site) in a window.
create table scheduling_waitlist (
    entry_id          varchar(36) primary key,
    patient_id        varchar(64) not null,
    practitioner_id   varchar(64),
    specialty         varchar(64),
    location_id       varchar(64),
    appointment_type  varchar(32) not null,
    visit_mode        varchar(16) not null,
    window_start      timestamp with time zone not null,
    window_end        timestamp with time zone not null,
    status            varchar(16) not null,
    reservation_id    varchar(36),
    created_at        timestamp with time zone not null
);
create index scheduling_waitlist_status_idx on scheduling_waitlist (status, created_at);
