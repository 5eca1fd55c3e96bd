-- Teaching cases (远程培训): a signed consult or an approved radiotherapy review made into a de-identified case
-- (its own study in the archive, the expert contours on that study's UIDs, the recommendation without
-- identifiers), courses of cases with enrolled trainees, and each trainee's scored attempt at a case.
create table teaching_case (
    id              uuid primary key,
    source_kind     varchar(16)  not null check (source_kind in ('CONSULT', 'RT_REVIEW')),
    source_id       uuid         not null,
    hospital_id     uuid         not null references hospital (id),
    title           varchar(200) not null,
    site            varchar(40)  not null,
    stage           varchar(12),
    summary         jsonb        not null,
    study_uid       varchar(64)  not null,
    ct_series_uid   varchar(64),
    expert_contours jsonb,
    target_rois     jsonb        not null,
    created_by_id   varchar(64)  not null,
    created_by      varchar(200) not null,
    created_at      timestamptz  not null,
    unique (source_kind, source_id)
);
create index teaching_case_site_stage on teaching_case (lower(site), stage, created_at desc);

create table teaching_course (
    id          uuid primary key,
    title       varchar(200) not null,
    description varchar(2000),
    hospital_id uuid         not null references hospital (id),
    teacher_id  varchar(64)  not null,
    teacher     varchar(200) not null,
    created_at  timestamptz  not null
);

create table teaching_course_case (
    course_id uuid    not null references teaching_course (id),
    case_id   uuid    not null references teaching_case (id),
    position  integer not null,
    primary key (course_id, case_id)
);

create table teaching_enrolment (
    course_id    uuid         not null references teaching_course (id),
    trainee_id   varchar(64)  not null,
    username     varchar(200) not null,
    display_name varchar(200) not null,
    hospital_id  uuid         not null references hospital (id),
    enrolled_at  timestamptz  not null,
    primary key (course_id, trainee_id)
);
create index teaching_enrolment_trainee on teaching_enrolment (trainee_id);

-- One attempt per trainee, course and case: after it the expert contours are shown, so there is no second try.
create table teaching_attempt (
    id           uuid primary key,
    course_id    uuid         not null references teaching_course (id),
    case_id      uuid         not null references teaching_case (id),
    trainee_id   varchar(64)  not null,
    trainee      varchar(200) not null,
    contours     jsonb        not null,
    scores       jsonb        not null,
    mean_dice    double precision,
    mean_hd95    double precision,
    submitted_at timestamptz  not null,
    unique (course_id, case_id, trainee_id)
);
create index teaching_attempt_trainee on teaching_attempt (trainee_id, case_id);
