-- Patients: medical record numbers come from a database sequence, so two registrations on two nodes
-- never get the same number (max + 1 would race). Gaps from rolled-back registrations are harmless.
create sequence patients_mrn_seq start with 1 increment by 1;
