-- Audit: a privacy officer may leave a short note when acknowledging an alert (what they checked, whom
-- they asked). It stays beside the alert, not in the hash chain, whose entries hold ids and fixed words
-- only; the acknowledgement itself is still chained. Portable between H2 (PostgreSQL mode) and PostgreSQL.

alter table audit_alert add column acknowledgement_note varchar(500);
