-- Tele-radiotherapy review (org.consilium.radiotherapy): plan submissions waiting for their objects,
-- their consistency findings, and the provincial reviewers assigned to them.
create table rt_submission (
    id                  uuid primary key,
    hospital_id         uuid not null,
    study_uid           varchar(64) not null,
    state               varchar(32) not null,
    disease_site        varchar(40) not null,
    prescription_gy     double precision not null,
    fractions           integer not null,
    technique           varchar(32) not null,
    clinical_notes      text,
    question            text not null,
    priority            smallint,
    submitted_by_id     varchar(64) not null,
    submitted_by        varchar(200) not null,
    ct_series_uid       varchar(64),
    rtstruct_uid        varchar(64),
    rtplan_uid          varchar(64),
    rtdose_uid          varchar(64),
    awaiting            jsonb not null default '[]',
    findings            jsonb not null default '[]',
    checked_instances   integer not null default -1,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    objects_complete_at timestamptz,
    version             bigint not null default 0
);
-- one open submission per study
create unique index rt_submission_open_study on rt_submission (study_uid)
    where state in ('AWAITING_OBJECTS', 'BLOCKED', 'AWAITING_REVIEW');
create index rt_submission_state on rt_submission (state, created_at);
create index rt_submission_hospital on rt_submission (hospital_id, created_at);

create table rt_submission_reviewer (
    submission_id uuid not null references rt_submission (id),
    user_id       varchar(64) not null,
    user_name     varchar(200) not null,
    assigned_by   varchar(200) not null,
    assigned_at   timestamptz not null,
    primary key (submission_id, user_id)
);
