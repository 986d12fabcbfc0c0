-- TOTP secrets are now stored sealed with the organisation's data key ('sealed:<key id>:<base64>'),
-- longer than the base32 secret itself. Secrets stored before stay readable and are sealed when next set.
alter table security_account alter column totp_secret set data type varchar(200);
