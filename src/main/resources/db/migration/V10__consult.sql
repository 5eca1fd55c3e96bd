-- Consult workflow (issue 6), intake side: patients of each hospital, consult requests, who is assigned,
-- the studies they carry, attachments, the state history that SLA clocks read, and the notification feed.
-- The board side (meetings, recommendations, follow-up) adds its own tables in V20–V29.

-- A hospital's own patient register. The DICOM PatientID of that hospital's studies is local_id.
create table patient (
    id          uuid primary key,
    hospital_id uuid         not null references hospital (id),
    local_id    varchar(64)  not null,
    name        varchar(100) not null,
    sex         varchar(1)   not null check (sex in ('M', 'F', 'O', 'U')),
    birth_date  date,
    id_card     varchar(18),
    mrn         varchar(64),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0,
    constraint patient_local_id unique (hospital_id, local_id)
);
-- No duplicate person within a hospital: the same ID card or medical-record number means the same patient.
create unique index patient_id_card on patient (hospital_id, id_card) where id_card is not null;
create unique index patient_mrn on patient (hospital_id, mrn) where mrn is not null;
create index patient_name on patient (hospital_id, name);

create table consult (
    id                    uuid primary key,
    hospital_id           uuid         not null references hospital (id), -- the requesting hospital
    patient_id            uuid         not null references patient (id),
    state                 varchar(16)  not null check (state in ('REQUESTED', 'TRIAGED', 'SCHEDULED', 'IN_SESSION',
                              'RECOMMENDED', 'SIGNED', 'CLOSED', 'RETURNED', 'DECLINED')),
    urgency               varchar(16)  not null check (urgency in ('ROUTINE', 'URGENT', 'GREEN_CHANNEL')),
    priority              smallint     check (priority between 1 and 5), -- set at triage; 1 is first
    clinical_summary      text         not null,
    question              text         not null,
    pathology             jsonb,
    labs                  jsonb,
    requested_disciplines varchar(32)[] not null default '{}',
    accession_numbers     varchar(64)[] not null default '{}', -- studies expected under these attach themselves
    state_note            text,        -- the last return message or decline reason
    requested_by_id       varchar(64)  not null,
    requested_by          varchar(200) not null,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    submitted_at          timestamptz  not null, -- first submission; SLA clocks start here
    triaged_at            timestamptz, -- first triage decision (accept, return or decline)
    session_at            timestamptz, -- first session start
    version               bigint       not null default 0
);
create index consult_hospital on consult (hospital_id, created_at);
create index consult_patient on consult (patient_id);
create index consult_state on consult (state, submitted_at);

-- Who works on a consult: assigned specialists and invitees. One visibility rule covers them all.
create table consult_assignment (
    consult_id   uuid         not null references consult (id),
    user_id      varchar(64)  not null, -- Keycloak subject
    username     varchar(100) not null,
    display_name varchar(200) not null,
    discipline   varchar(32),
    assigned_by  varchar(200) not null,
    assigned_at  timestamptz  not null,
    primary key (consult_id, user_id)
);
create index consult_assignment_user on consult_assignment (user_id);

-- Every state change, in order: the timeline, the return messages and what SLA clocks are computed from.
create table consult_event (
    id         uuid primary key,
    consult_id uuid         not null references consult (id),
    at         timestamptz  not null,
    actor_id   varchar(64)  not null,
    actor      varchar(200) not null,
    action     varchar(32)  not null,
    from_state varchar(16),
    to_state   varchar(16)  not null,
    note       text
);
create index consult_event_consult on consult_event (consult_id, at);

-- Studies by StudyInstanceUID only, so that a consult may name a study the archive has not received yet.
create table consult_study (
    consult_id  uuid         not null references consult (id),
    study_uid   varchar(64)  not null,
    attached_by varchar(200) not null,
    attached_at timestamptz  not null,
    source      varchar(16)  not null check (source in ('REQUEST', 'PATIENT_ID', 'ACCESSION')),
    primary key (consult_id, study_uid)
);
create index consult_study_uid on consult_study (study_uid);

-- Pathology reports, lab sheets and photos; bytes live in the archive's content-addressed blob store.
create table consult_attachment (
    id          uuid primary key,
    consult_id  uuid         not null references consult (id),
    kind        varchar(16)  not null check (kind in ('PATHOLOGY', 'LAB', 'IMAGING', 'OTHER')),
    filename    varchar(255) not null,
    media_type  varchar(64)  not null,
    size        bigint       not null,
    blob_key    char(64)     not null,
    uploaded_by varchar(200) not null,
    uploaded_at timestamptz  not null
);
create index consult_attachment_consult on consult_attachment (consult_id, uploaded_at);

create table notification (
    id         uuid primary key,
    user_id    varchar(64)  not null, -- Keycloak subject
    kind       varchar(32)  not null,
    consult_id uuid,
    title_zh   varchar(300) not null,
    title_en   varchar(300) not null,
    created_at timestamptz  not null,
    read_at    timestamptz
);
create index notification_user on notification (user_id, created_at desc);
