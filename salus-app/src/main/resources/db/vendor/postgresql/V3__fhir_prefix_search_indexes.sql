-- PostgreSQL uses a btree for LIKE 'abc%' only with pattern operators unless the collation is
-- plain "C" (C.UTF-8 is not enough): string and :text prefix searches need these indexes.
create index ix_idx_string_prefix on fhir_idx_string (res_type, param, value_norm varchar_pattern_ops);
create index ix_idx_token_text_prefix on fhir_idx_token (res_type, param, text_norm varchar_pattern_ops);
