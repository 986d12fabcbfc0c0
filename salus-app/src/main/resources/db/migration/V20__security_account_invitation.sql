-- Security: single-use, expiring invitations that let a new patient set the password of their pending
-- portal account. Only a SHA-256 hash of the token is stored: a copy of the table opens no account.
create table security_account_invitation (
    token_hash   varchar(64)  not null primary key,
    account_id   varchar(64)  not null references security_account (id) on delete cascade,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    used_at      timestamp with time zone
);
create index ix_security_account_invitation_account on security_account_invitation (account_id);
