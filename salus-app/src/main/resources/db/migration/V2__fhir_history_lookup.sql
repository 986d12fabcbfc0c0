-- vread and instance history look versions up by type and id; without this they scanned the history.
create index ix_fhir_history_type_id on fhir_resource_history (res_type, fhir_id, version);
