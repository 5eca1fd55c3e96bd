-- Forwarding jobs belong to the hospital whose user asked for them (listing, audit), and remember the study
-- so that the worker finds the instance without a search.
alter table forward_job add column hospital_id uuid not null references hospital (id);
alter table forward_job add column study_uid varchar(64) not null;
create index forward_job_hospital on forward_job (hospital_id, created_at);
