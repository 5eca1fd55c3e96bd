-- Alliance statistics (registry, V56–V57). A patient referred to a hospital outside the alliance (外转), as the
-- hospital that saw them records it: the numerator of the outward-referral rate.
create table outward_referral (
    id             uuid primary key,
    hospital_id    uuid          not null references hospital (id),
    patient_id     uuid          not null references patient (id),
    destination    varchar(200)  not null,
    reason         varchar(2000),
    referred_on    date          not null,
    recorded_by_id varchar(64)   not null,
    recorded_by    varchar(200)  not null,
    recorded_at    timestamptz   not null
);
create index outward_referral_patient on outward_referral (patient_id);
-- the dashboard reads its tables by date window first
create index tumor_report_reported on tumor_report (reported_at, hospital_id);
create index referral_requested on referral (requested_at);
create index follow_up_visit_due_on on follow_up_visit (due_on);
