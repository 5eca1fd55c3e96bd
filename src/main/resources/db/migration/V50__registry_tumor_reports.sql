-- Case management (registry, V50–V59). New-tumor reports (新发肿瘤报告): any member unit reports a suspected or
-- confirmed malignancy; a case manager records it (立即录档) before record_due_at, which opens the priority
-- channel (优先通道): each flag keeps who arranged it and when.
create table tumor_report (
    id                    uuid primary key,
    hospital_id           uuid         not null references hospital (id),
    patient_id            uuid         not null references patient (id),
    certainty             varchar(16)  not null check (certainty in ('SUSPECTED', 'CONFIRMED')),
    icd10                 varchar(8)   not null,
    topography            varchar(8)   not null,
    detection             varchar(16)  not null check (detection in ('SCREENING', 'OUTPATIENT', 'INPATIENT', 'OTHER')),
    finding               varchar(4000) not null,
    reporter_id           varchar(64)  not null,
    reporter              varchar(200) not null,
    reporter_phone        varchar(32),
    reported_at           timestamptz  not null,
    record_due_at         timestamptz  not null,
    recorded_at           timestamptz,
    recorded_by_id        varchar(64),
    recorded_by           varchar(200),
    priority_exam_at      timestamptz,
    priority_exam_by      varchar(200),
    priority_consult_at   timestamptz,
    priority_consult_by   varchar(200),
    priority_admission_at timestamptz,
    priority_admission_by varchar(200),
    consult_id            uuid,
    referral_id           uuid,
    version               bigint       not null default 0
);
-- the queue: open reports by their clock, then recorded ones newest first
create index tumor_report_queue on tumor_report (hospital_id, recorded_at, record_due_at);
create index tumor_report_patient on tumor_report (patient_id);
