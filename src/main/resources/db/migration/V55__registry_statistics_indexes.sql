-- The dashboard's sections (registry.statistics) read one hospital's rows, or every visible hospital's, over a
-- window: each from one index holding the columns its figures need, so that no row is visited (issue 26's 300 ms).
create index tumor_report_window on tumor_report (hospital_id, reported_at)
    include (recorded_at, record_due_at, icd10, detection, patient_id);
create index referral_item_recognition on referral_item (referral_id) include (recognition);
