-- Patient merges of the master patient index, kept so a merge can be undone exactly. Ids, versions and
-- codes only: no names or identifiers (those stay in the encrypted resource bodies).
create table patient_merge (
    merge_id        varchar(64)  not null primary key,
    survivor_id     varchar(64)  not null,
    merged_id       varchar(64)  not null,
    -- MERGED, or UNMERGED once undone
    status          varchar(16)  not null,
    -- a code (duplicate-registration, duplicate-review, identity-confirmed), never free text
    reason          varchar(32)  not null,
    merged_by       varchar(128) not null,
    merged_at       timestamp with time zone not null,
    -- the two Patients' versions just before and just after the merge
    survivor_version_before bigint not null,
    survivor_version_after  bigint not null,
    merged_version_before   bigint not null,
    merged_version_after    bigint not null,
    unmerged_by     varchar(128),
    unmerged_at     timestamp with time zone
);
create index ix_patient_merge_survivor on patient_merge (survivor_id);
create index ix_patient_merge_merged on patient_merge (merged_id);

-- Every resource a merge re-pointed from the merged patient to the survivor.
create table patient_merge_resource (
    merge_id        varchar(64)  not null,
    res_type        varchar(64)  not null,
    fhir_id         varchar(64)  not null,
    version_before  bigint       not null,
    version_after   bigint       not null,
    -- which of the resource's references to the survivor (counted in document order, from 0, in
    -- version_after) the merge re-pointed, comma-separated
    positions       varchar(512) not null,
    -- whether the resource already referenced the survivor before the merge
    mixed           boolean      not null,
    -- the version the unmerge wrote (null until undone, or when nothing was left to undo)
    version_unmerged bigint,
    constraint pk_patient_merge_resource primary key (merge_id, res_type, fhir_id),
    constraint fk_patient_merge_resource foreign key (merge_id) references patient_merge (merge_id)
);
