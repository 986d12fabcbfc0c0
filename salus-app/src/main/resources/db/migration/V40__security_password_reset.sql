-- Security: single-use, short-lived links that let a user who forgot their password set a new one.
-- Only the SHA-256 of the token is stored, so a copy of the table opens no account; created_at also
-- counts the links an account was sent in the last hour, which caps them.
create table security_password_reset (
    token_hash   varchar(64)  not null primary key,
    account_id   varchar(64)  not null references security_account (id) on delete cascade,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used         boolean      not null,
    used_at      timestamp with time zone
);
create index ix_security_password_reset_account on security_password_reset (account_id, created_at);
