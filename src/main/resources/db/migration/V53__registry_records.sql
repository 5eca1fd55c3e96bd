-- The tumor registry (肿瘤数据库): one record per patient and primary tumor (ICD-10 category), filled from what
-- the system knows (report, consult, signed recommendation, approved RT review, follow-up) and completed and
-- confirmed by a case manager. The fields are one JSON document (RecordContent) beside the provenance of each;
-- every confirmed revision is kept whole, so an edit after confirmation makes a new revision and loses nothing.
create table registry_record (
    id              uuid primary key,
    patient_id      uuid         not null references patient (id),
    hospital_id     uuid         not null references hospital (id),
    primary_site    varchar(3)   not null, -- the ICD-10 category (C34) naming the primary tumor
    state           varchar(12)  not null check (state in ('DRAFT', 'CONFIRMED')),
    revision        int          not null,
    content         jsonb        not null,
    provenance      jsonb        not null,
    created_by      varchar(200) not null,
    created_at      timestamptz  not null,
    updated_by      varchar(200) not null,
    updated_at      timestamptz  not null,
    confirmed_by_id varchar(64),
    confirmed_by    varchar(200),
    confirmed_at    timestamptz,
    version         bigint       not null default 0,
    unique (patient_id, primary_site)
);
create index registry_record_hospital on registry_record (hospital_id, updated_at);

create table registry_record_revision (
    record_id       uuid         not null references registry_record (id),
    revision        int          not null,
    content         jsonb        not null,
    provenance      jsonb        not null,
    confirmed_by_id varchar(64)  not null,
    confirmed_by    varchar(200) not null,
    confirmed_at    timestamptz  not null,
    amended_by      varchar(200),
    amended_at      timestamptz,
    amend_reason    varchar(1000),
    primary key (record_id, revision)
);
