-- Two-way referral (双向转诊): up to the provincial hospital (上转) with the green-channel flags, down to a county
-- hospital or a named doctor there (下转) with a plan. Each state change is an event; each study or report the
-- referral carries is an item the receiving side recognises (检查检验结果互认) or repeats, with a reason.
create table referral (
    id                uuid primary key,
    direction         varchar(8)   not null check (direction in ('UP', 'DOWN')),
    patient_id        uuid         not null references patient (id),
    from_hospital_id  uuid         not null references hospital (id),
    to_hospital_id    uuid         not null references hospital (id),
    to_doctor_id      varchar(64),
    to_doctor         varchar(200),
    report_id         uuid references tumor_report (id),
    reason            varchar(4000) not null,
    plan              varchar(8000),
    green_examination boolean      not null default false,
    green_consultation boolean     not null default false,
    green_admission   boolean      not null default false,
    state             varchar(16)  not null check (state in ('REQUESTED', 'ACCEPTED', 'DECLINED', 'ARRIVED', 'COMPLETED')),
    appointment_at    timestamptz,
    appointment       varchar(200),
    bed               varchar(64),
    decline_reason    varchar(2000),
    requested_by_id   varchar(64)  not null,
    requested_by      varchar(200) not null,
    requested_at      timestamptz  not null,
    accepted_at       timestamptz,
    declined_at       timestamptz,
    arrived_at        timestamptz,
    completed_at      timestamptz,
    updated_at        timestamptz  not null,
    version           bigint       not null default 0
);
create index referral_to on referral (to_hospital_id, requested_at desc);
create index referral_from on referral (from_hospital_id, requested_at desc);
create index referral_patient on referral (patient_id);

create table referral_item (
    id                 uuid primary key,
    referral_id        uuid          not null references referral (id),
    kind               varchar(8)    not null check (kind in ('STUDY', 'REPORT')),
    study_uid          varchar(64),
    title              varchar(200)  not null,
    body               varchar(8000),
    recognition        varchar(12) check (recognition in ('RECOGNISED', 'REPEATED')),
    recognition_reason varchar(2000),
    recognised_by      varchar(200),
    recognised_at      timestamptz
);
create index referral_item_referral on referral_item (referral_id);

create table referral_event (
    id          uuid primary key,
    referral_id uuid         not null references referral (id),
    at          timestamptz  not null,
    actor_id    varchar(64)  not null,
    actor       varchar(200) not null,
    from_state  varchar(16),
    to_state    varchar(16)  not null,
    note        varchar(2000)
);
create index referral_event_referral on referral_event (referral_id, at);
