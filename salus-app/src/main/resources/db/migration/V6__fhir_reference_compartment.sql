-- Reference index rows carry the patient compartment of the resource they belong to, so "is this
-- practitioner linked to this patient" (care team, encounter, appointment, consent) is one index
-- probe, and the access policy can filter searches by care relationship inside the same query.
-- Like every patient-owned row, the index rows are then keyed for a distribution by patient.
alter table fhir_idx_reference add column compartment varchar(64);
update fhir_idx_reference set compartment =
    (select r.compartment from fhir_resource r where r.id = fhir_idx_reference.resource_id);
create index ix_idx_reference_care on fhir_idx_reference (target_id, target_type, compartment);
