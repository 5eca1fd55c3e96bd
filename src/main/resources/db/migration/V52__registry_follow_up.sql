-- The follow-up loop (随访): a schedule per patient and primary tumor generated from a template by cancer type and
-- stage (editable visit by visit), assigned to a county clinician or handed over to a named (community) doctor; each
-- visit records the contact and its outcome, which goes back to the attending doctor.
create table follow_up_schedule (
    id             uuid primary key,
    patient_id     uuid         not null references patient (id),
    hospital_id    uuid         not null references hospital (id),
    icd10          varchar(8)   not null,
    stage          varchar(8)   not null,
    template       varchar(32)  not null,
    attending_id   varchar(64)  not null,
    attending      varchar(200) not null,
    assignee_id    varchar(64)  not null,
    assignee       varchar(200) not null,
    handed_over_at timestamptz,
    death_date     date,
    created_by     varchar(200) not null,
    created_at     timestamptz  not null,
    version        bigint       not null default 0
);
create index follow_up_schedule_hospital on follow_up_schedule (hospital_id);
create index follow_up_schedule_assignee on follow_up_schedule (assignee_id);

create table follow_up_visit (
    id             uuid primary key,
    schedule_id    uuid         not null references follow_up_schedule (id),
    due_on         date         not null,
    state          varchar(12)  not null check (state in ('OPEN', 'DONE', 'CANCELLED')),
    contacted_on   date,
    reached        boolean,
    vital_status   varchar(12) check (vital_status in ('ALIVE', 'DECEASED')),
    death_date     date,
    recurrence     boolean,
    progression    boolean,
    recist         varchar(4) check (recist in ('CR', 'PR', 'SD', 'PD', 'NE')),
    adverse_events varchar(2000),
    next_step      varchar(2000),
    reported_by    varchar(200),
    reported_at    timestamptz,
    reminded_at    timestamptz -- set by the one replica that sent the reminder
);
create index follow_up_visit_schedule on follow_up_visit (schedule_id, due_on);
create index follow_up_visit_due on follow_up_visit (due_on) where state = 'OPEN' and reminded_at is null;
