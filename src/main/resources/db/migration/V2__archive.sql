-- The study index. Studies belong to the hospital whose AE or user sent them first; other hospitals see
-- them only through study_grant (see archive.StudyAccess).
create table patient_record (
    id                uuid primary key,
    hospital_id       uuid         not null references hospital (id),
    patient_id        varchar(64)  not null,
    issuer            varchar(64)  not null default '',
    name_alphabetic   varchar(200),
    name_ideographic  varchar(200),
    name_phonetic     varchar(200),
    name_search       varchar(400), -- upper-cased groups joined by '=', for case-insensitive matching
    birth_date        varchar(8),
    sex               varchar(16),
    updated_at        timestamptz  not null,
    unique (hospital_id, patient_id, issuer)
);

create table study_record (
    id                uuid primary key,
    patient_fk        uuid         not null references patient_record (id),
    hospital_id       uuid         not null references hospital (id),
    study_uid         varchar(64)  not null unique,
    study_date        varchar(8),
    study_time        varchar(16),
    accession_number  varchar(64),
    study_id          varchar(16),
    description       varchar(200),
    referring_physician varchar(200),
    attributes        text         not null, -- DICOM JSON of the patient and study modules, latest instance
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
create index study_hospital on study_record (hospital_id, study_date);
create index study_patient on study_record (patient_fk);
create index study_accession on study_record (accession_number);

create table series_record (
    id                uuid primary key,
    study_fk          uuid         not null references study_record (id),
    series_uid        varchar(64)  not null unique,
    modality          varchar(16),
    series_number     integer,
    description       varchar(200),
    body_part         varchar(64),
    attributes        text         not null, -- DICOM JSON of the series module
    updated_at        timestamptz  not null
);
create index series_study on series_record (study_fk);

create table instance_record (
    id                uuid primary key,
    series_fk         uuid         not null references series_record (id),
    sop_instance_uid  varchar(64)  not null unique,
    sop_class_uid     varchar(64)  not null,
    instance_number   integer,
    transfer_syntax   varchar(64)  not null,
    number_of_frames  integer,
    rows              integer,
    columns           integer,
    blob_key          char(64)     not null,
    size              bigint       not null,
    pixel_data_offset bigint,      -- where Pixel Data's value starts in the blob, for frames and bulk data
    pixel_data_length bigint,      -- -1 for encapsulated (undefined length)
    metadata          text,        -- DICOM JSON with BulkDataURI for large values, served by WADO-RS metadata
    source_ae         varchar(16),
    received_at       timestamptz  not null
);
create index instance_series on instance_record (series_fk, instance_number);

-- Earlier versions of an instance that was stored again with different bytes; the latest wins.
create table instance_version (
    id                uuid primary key,
    sop_instance_uid  varchar(64)  not null,
    blob_key          char(64)     not null,
    size              bigint       not null,
    replaced_at       timestamptz  not null
);
create index instance_version_uid on instance_version (sop_instance_uid);

-- Read access to a study for another hospital: for a consult (consult_id set) or directly.
create table study_grant (
    id                  uuid primary key,
    study_uid           varchar(64) not null,
    grantee_hospital_id uuid        not null references hospital (id),
    consult_id          uuid,
    granted_by          varchar(200) not null,
    granted_at          timestamptz not null
);
create unique index study_grant_unique on study_grant (study_uid, grantee_hospital_id, coalesce(consult_id, '00000000-0000-0000-0000-000000000000'));
create index study_grant_grantee on study_grant (grantee_hospital_id, study_uid);

-- DICOM application entities of each hospital, and what each may do with us.
create table application_entity (
    id            uuid primary key,
    hospital_id   uuid         not null references hospital (id),
    ae_title      varchar(16)  not null unique,
    host          varchar(255) not null,
    port          integer      not null check (port between 1 and 65535),
    may_store     boolean      not null default true,  -- may send C-STORE to us
    may_query     boolean      not null default true,  -- may C-FIND / C-GET / C-MOVE from us
    may_receive   boolean      not null default true,  -- we may C-STORE to it (C-MOVE destination, forwarding)
    description   varchar(200),
    created_at    timestamptz  not null
);

insert into application_entity (id, hospital_id, ae_title, host, port, description, created_at) values
    ('019a0000-0000-7000-8000-0000000000a1', '019a0000-0000-7000-8000-000000000001', 'PROV_PACS', 'localhost', 11113, '省肿瘤医院 PACS (demo)', now()),
    ('019a0000-0000-7000-8000-0000000000a2', '019a0000-0000-7000-8000-000000000002', 'CHANGXING_PACS', 'localhost', 11114, '长兴县人民医院 PACS (demo)', now()),
    ('019a0000-0000-7000-8000-0000000000a3', '019a0000-0000-7000-8000-000000000003', 'FUMIN_PACS', 'localhost', 11115, '富民县人民医院 PACS (demo)', now());

-- C-STORE forwarding queue; it survives restarts because it is a table.
create table forward_job (
    id               uuid primary key,
    target_ae        varchar(16)  not null,
    sop_instance_uid varchar(64)  not null,
    state            varchar(16)  not null check (state in ('PENDING', 'DONE', 'FAILED')),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       text,
    created_by       varchar(200) not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index forward_job_due on forward_job (state, next_attempt_at);
