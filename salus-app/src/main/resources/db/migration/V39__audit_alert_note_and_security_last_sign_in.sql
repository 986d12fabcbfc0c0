-- For the administration and privacy office screens. Portable between H2 (PostgreSQL mode) and PostgreSQL.

-- Audit: a privacy officer may leave a short note when acknowledging an alert (what they checked, whom
-- they asked). It stays beside the alert, not in the hash chain, whose entries hold ids and fixed words
-- only; the acknowledgement itself is still chained.
alter table audit_alert add column acknowledgement_note varchar(500);

-- Security: when the account last completed a sign-in, for the administrator's list of staff accounts
-- (the audit trail has every sign-in; this is the latest, kept where the list reads it).
alter table security_account add column last_signed_in_at timestamp with time zone;
