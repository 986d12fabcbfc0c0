-- Audit: the bulk-export monitor counts the distinct patients one request touched. The trail's own
-- indexes (V8) already serve the other monitors (by actor, client address, action and time).
create index ix_audit_entry_request on audit_entry (request_id);
