-- A synthetic province for bench/statistics: 100 county hospitals, 200,000 patients and two years (up to today)
-- of new-tumor reports, consults with their clocks and signatures, referrals with carried items, follow-up
-- schedules with visits, screening programmes with participants, radiotherapy reviews with decisions, expert
-- revisions and their Dice, and outward referrals. Every row is made by generate_series; random() is seeded.
select setseed(0.2026);

insert into hospital (id, alias, name, name_en, level)
select gen_random_uuid(), 'bench-' || lpad(i::text, 3, '0'), '基准县医院' || i, 'Bench county ' || i, 'COUNTY'
from generate_series(1, 100) i;

create temporary table bench_hospital as
select row_number() over (order by alias) - 1 as n, id from hospital where alias like 'bench-%';
create temporary table bench_prov as select id from hospital where alias = 'prov';

-- 200,000 patients, 2,000 per hospital
insert into patient (id, hospital_id, local_id, name, sex, created_at, updated_at)
select gen_random_uuid(), h.id, 'B' || i, '患者' || i, case when i % 2 = 0 then 'F' else 'M' end, now(), now()
from generate_series(0, 199999) i join bench_hospital h on h.n = i % 100;
create temporary table bench_patient as
select row_number() over (order by local_id) - 1 as n, id, hospital_id from patient where local_id like 'B%' and hospital_id in (select id from bench_hospital);
create index on bench_patient (n);

-- 80,000 new-tumor reports over two years; 92 % recorded within 0–40 h of a 24 h clock
insert into tumor_report (id, hospital_id, patient_id, certainty, icd10, topography, detection, finding, reporter_id,
                          reporter, reported_at, record_due_at, recorded_at)
select gen_random_uuid(), p.hospital_id, p.id, 'CONFIRMED', g.code, g.code || '.0',
       (array['SCREENING', 'OUTPATIENT', 'INPATIENT', 'OTHER'])[1 + (g.i % 4)], '基准', 'bench', 'bench',
       g.at, g.at + interval '24 hours', case when g.r < 0.92 then g.at + g.took end
from (select i, now() - random() * interval '730 days' as at, random() as r, random() * interval '40 hours' as took,
             (array['C16', 'C18', 'C20', 'C22', 'C34', 'C50', 'C53', 'C61', 'C15', 'C73'])[1 + (i * 31 % 10)] as code
      from generate_series(0, 79999) i) g
join bench_patient p on p.n = (g.i::bigint * 7919) % 200000;

-- 60,000 consults: triaged 1–72 h after, 70 % in session within days, 60 % signed
insert into consult (id, hospital_id, patient_id, state, urgency, clinical_summary, question, requested_by_id,
                     requested_by, created_at, updated_at, submitted_at, triaged_at, session_at)
select gen_random_uuid(), p.hospital_id, p.id, case when g.r < 0.7 then 'IN_SESSION' else 'TRIAGED' end,
       'ROUTINE', '基准', '基准', 'bench', 'bench', g.at, g.at, g.at, g.at + g.triage,
       case when g.r < 0.7 then g.at + g.triage + g.wait end
from (select i, now() - random() * interval '730 days' as at, random() * interval '72 hours' as triage,
             random() * interval '7 days' as wait, random() as r
      from generate_series(0, 59999) i) g
join bench_patient p on p.n = (g.i::bigint * 104729) % 200000;
insert into recommendation (id, consult_id, revision, state, content, chair_id, chair_name, signed_at, created_by,
                            created_at, updated_at)
select gen_random_uuid(), c.id, 1, 'SIGNED', '{}', 'bench', 'bench', c.session_at + random() * interval '48 hours',
       'bench', now(), now()
from consult c where c.requested_by_id = 'bench' and c.session_at is not null and random() < 0.85;

-- 50,000 referrals (70 % up to the provincial hospital, 30 % down), two carried items each
insert into referral (id, direction, patient_id, from_hospital_id, to_hospital_id, reason, state, requested_by_id,
                      requested_by, requested_at, updated_at)
select gen_random_uuid(), case when g.i % 10 < 7 then 'UP' else 'DOWN' end, p.id,
       case when g.i % 10 < 7 then p.hospital_id else (select id from bench_prov) end,
       case when g.i % 10 < 7 then (select id from bench_prov) else p.hospital_id end,
       '基准', 'REQUESTED', 'bench', 'bench', g.at, g.at
from (select i, now() - random() * interval '730 days' as at from generate_series(0, 49999) i) g
join bench_patient p on p.n = (g.i::bigint * 15485863) % 200000;
insert into referral_item (id, referral_id, kind, title, recognition)
select gen_random_uuid(), f.id, 'REPORT', '报告',
       case when random() < 0.6 then 'RECOGNISED' when random() < 0.5 then 'REPEATED' end
from referral f cross join generate_series(1, 2) where f.requested_by_id = 'bench';

-- 3,000 patients recorded as leaving the alliance
insert into outward_referral (id, hospital_id, patient_id, destination, referred_on, recorded_by_id, recorded_by, recorded_at)
select gen_random_uuid(), p.hospital_id, p.id, '省外医院', current_date - (i % 700), 'bench', 'bench', now()
from generate_series(0, 2999) i join bench_patient p on p.n = (i::bigint * 66) % 200000;

-- 50,000 follow-up schedules, 8 visits each every 3 months from two years ago
insert into follow_up_schedule (id, patient_id, hospital_id, icd10, stage, template, attending_id, attending,
                                assignee_id, assignee, created_by, created_at)
select gen_random_uuid(), p.id, p.hospital_id, 'C18.7', 'II', 'bench', 'bench', 'bench', 'bench', 'bench', 'bench', now()
from generate_series(0, 49999) i join bench_patient p on p.n = i * 4;
insert into follow_up_visit (id, schedule_id, due_on, state)
select gen_random_uuid(), s.id, d.due,
       case when d.due > current_date then 'OPEN' when random() < 0.8 then 'DONE' when random() < 0.5 then 'OPEN' else 'CANCELLED' end
from follow_up_schedule s
cross join lateral (select current_date - 730 + (v * 91) + (abs(hashtext(s.id::text)) % 60) as due
                    from generate_series(0, 7) v) d
where s.template = 'bench';

-- two yearly colorectal programmes over every county, 150,000 people invited each
insert into screening_programme (id, name, site, year, organiser_hospital_id, created_by, created_at)
select gen_random_uuid(), '基准筛查 ' || y, 'C18-C20', y, (select id from bench_prov), 'bench', now()
from generate_series(extract(year from current_date)::int - 1, extract(year from current_date)::int) y;
insert into screening_target (programme_id, hospital_id, population)
select g.id, h.id, 3000 from screening_programme g cross join bench_hospital h where g.created_by = 'bench';
insert into screening_participant (id, programme_id, hospital_id, local_id, name, sex, invited_on,
                                   questionnaire_high_risk, fit_result, colonoscopy_on, finding, updated_at)
select gen_random_uuid(), x.programme, h.id, 'S' || x.i, '筛查', 'F', x.invited,
       case when x.r < 0.8 then x.r < 0.12 end,
       case when x.r < 0.75 then case when x.r < 0.08 then 'POSITIVE' else 'NEGATIVE' end end,
       case when x.r < 0.1 then x.invited + 20 end,
       case when x.r < 0.1 then (array['CANCER', 'PRECANCEROUS', 'OTHER_BENIGN', 'NORMAL', 'NORMAL'])[1 + x.i % 5] end, now()
from (select g.id as programme, i, make_date(g.year, 1 + i % 12, 1 + i % 28) as invited, random() as r
      from screening_programme g cross join generate_series(0, 149999) i where g.created_by = 'bench') x
join bench_hospital h on h.n = x.i % 100;

-- 8,000 radiotherapy reviews: decisions, two expert revisions each with two ROIs' Dice
insert into rt_submission (id, hospital_id, study_uid, state, disease_site, prescription_gy, fractions, technique,
                           question, submitted_by_id, submitted_by, created_at, updated_at, queued_at)
select gen_random_uuid(), h.id, '2.25.77' || g.i, (array['APPROVED', 'APPROVED', 'RETURNED', 'APPROVED', 'AWAITING_REVIEW'])[1 + g.i % 5],
       'LUNG', 60, 30, 'IMRT', '基准', 'bench', 'bench', g.at, g.at, g.at
from (select i, now() - random() * interval '730 days' as at from generate_series(0, 7999) i) g
join bench_hospital h on h.n = g.i % 100;
insert into rt_decision (id, submission_id, action, revision_number, decided_by_id, decided_by, decided_at)
select gen_random_uuid(), s.id, case when s.state = 'RETURNED' or right(s.study_uid, 1) = '3' then 'RETURN' else 'APPROVE' end,
       1, 'bench', 'bench', s.created_at + interval '1 day'
from rt_submission s where s.submitted_by_id = 'bench' and s.state <> 'AWAITING_REVIEW';
insert into rt_revision (id, submission_id, number, parent_id, kind, author_id, author, created_at, reason, changed_rois, content)
select gen_random_uuid(), s.id, v, null, case when v = 1 then 'SUBMITTED' else 'EXPERT' end, 'bench', 'bench',
       s.created_at + v * interval '1 hour', 'bench', '[]'::jsonb, '{}'::jsonb
from rt_submission s cross join generate_series(1, 3) v where s.submitted_by_id = 'bench';
insert into rt_revision_dice (revision_id, roi_name, hospital_id, created_at, dice)
select r.id, roi, s.hospital_id, r.created_at, 0.6 + random() * 0.4
from rt_revision r join rt_submission s on s.id = r.submission_id
cross join lateral (select (array['PTV', 'CTV', 'GTV', 'SPINALCORD', 'HEART', 'LUNG_L'])[1 + (abs(hashtext(r.id::text || k)) % 6)] as roi
                    from generate_series(1, 2) k) x
where s.submitted_by_id = 'bench' and r.kind = 'EXPERT'
on conflict do nothing;

-- StatisticsBench then vacuums and analyses (VACUUM cannot run in this script's transaction)
