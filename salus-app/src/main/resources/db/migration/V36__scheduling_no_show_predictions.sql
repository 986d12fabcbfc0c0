-- No-show risks of appointments, one per appointment and model version: FHIR ids, the probability and
-- the plain names of the features that raised it most (model feature names, never patient values).
create table scheduling_no_show_prediction (
  appointment_id   varchar(64) not null,
  model_version    bigint not null references scheduling_no_show_model (version),
  patient_id       varchar(64) not null,
  probability      double precision not null,
  top_features     varchar(400) not null,       -- up to three feature names, separated by '|'
  high_risk        boolean not null,
  follow_up_task   varchar(64),                 -- the coordinator's FHIR Task, when high risk created one
  predicted_at     timestamp with time zone not null,
  primary key (appointment_id, model_version)
);
create index scheduling_no_show_prediction_patient_idx on scheduling_no_show_prediction (patient_id);
