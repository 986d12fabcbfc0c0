-- The audit tables refuse UPDATE, DELETE and TRUNCATE, whoever asks. The application's database
-- user owns these tables and could drop the trigger; the hash chain and signed checkpoints still
-- reveal what such a user changes (docs/adr/0004-audit-trail.md). H2 relies on the chain alone.
create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();
