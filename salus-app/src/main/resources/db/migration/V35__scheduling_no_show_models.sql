-- Trained no-show models, one row per version. A model is numbers learnt from appointment history
-- (feature names, standardisation, coefficients, held-out quality): no patient data. Predictions name
-- the version that made them, so a row is never changed or removed while predictions point at it.
create table scheduling_no_show_model (
  version            bigint primary key,
  trained_at         timestamp with time zone not null,
  source             varchar(16) not null,      -- clinic (the store's history) or synthetic (bootstrap)
  training_size      integer not null,
  test_size          integer not null,
  auc                double precision not null,
  brier              double precision not null,
  calibration_error  double precision not null,
  parameters         text not null               -- JSON: features, means, standard deviations, coefficients
);
create index scheduling_no_show_model_trained_idx on scheduling_no_show_model (trained_at);
