-- H2 range-scans its ordinary indexes for LIKE 'abc%'; only :text on tokens lacks one.
create index ix_idx_token_text_prefix on fhir_idx_token (res_type, param, text_norm);
