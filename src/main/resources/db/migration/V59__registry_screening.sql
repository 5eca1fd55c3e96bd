-- Screening programmes (科普宣教与筛查): a programme's target population per member unit, its education
-- sessions, and each person invited with their results: questionnaire / FIT, high risk or not, colonoscopy,
-- the finding with its pathology; a cancer found becomes a new-tumor report (tumor_report_id).
create table screening_programme (
    id                    uuid primary key,
    name                  varchar(200) not null,
    site                  varchar(32)  not null,
    year                  integer      not null,
    organiser_hospital_id uuid         not null references hospital (id),
    created_by            varchar(200) not null,
    created_at            timestamptz  not null
);

create table screening_target (
    programme_id uuid    not null references screening_programme (id),
    hospital_id  uuid    not null references hospital (id),
    population   integer not null check (population > 0),
    primary key (programme_id, hospital_id)
);

create table screening_session (
    id           uuid primary key,
    programme_id uuid         not null references screening_programme (id),
    hospital_id  uuid         not null references hospital (id),
    held_on      date         not null,
    place        varchar(200) not null,
    topic        varchar(200),
    attendance   integer      not null check (attendance >= 0)
);
create index screening_session_programme on screening_session (programme_id, held_on);

create table screening_participant (
    id                    uuid primary key,
    programme_id          uuid         not null references screening_programme (id),
    hospital_id           uuid         not null references hospital (id),
    local_id              varchar(64)  not null,
    name                  varchar(100) not null,
    sex                   char(1)      not null check (sex in ('M', 'F', 'O', 'U')),
    birth_date            date,
    invited_on            date         not null,
    questionnaire_high_risk boolean,
    fit_result            varchar(8)   check (fit_result in ('POSITIVE', 'NEGATIVE')),
    colonoscopy_on        date,
    finding               varchar(16)  check (finding in ('CANCER', 'PRECANCEROUS', 'OTHER_BENIGN', 'NORMAL')),
    pathology             varchar(2000),
    tumor_report_id       uuid,
    updated_at            timestamptz  not null,
    version               bigint       not null default 0,
    unique (programme_id, hospital_id, local_id)
);
create index screening_participant_hospital on screening_participant (programme_id, hospital_id);
