-- One follow-up mechanism: the follow-up a signed MDT recommendation asks for joins the patient's follow-up schedule
-- as titled visits (registry.followup.BoardFollowUps) instead of living as consult tasks of their own. The tasks kept
-- so far move into schedules here, one per consult, and consult's follow_up_task table goes.
alter table follow_up_visit
    add column title             varchar(200),
    add column consult_id        uuid,
    add column recommendation_id uuid,
    add column note              varchar(2000); -- what the contact found, in words
create index follow_up_visit_consult on follow_up_visit (consult_id) where consult_id is not null;

-- The primary of each consult that had tasks: the new-tumor report that raised the consult, else the patient's newest
-- report, else C80.9 (primary site unspecified); its stage from the board's TNM stage group (IA1 -> IA). As in
-- BoardFollowUps, the consults of one patient and primary (ICD-10 category) share one schedule, kept by the newest
-- consult's requesting doctor, with the template FollowUpTemplate.forTumor picks. Only the board's own visits move;
-- the template's visits are planned when the schedule is next set up (POST /api/registry/follow-up-schedules).
create temporary table board_primary as
select t.consult_id,
       c.patient_id,
       min(t.hospital_id::text)::uuid as hospital_id,
       c.requested_by_id,
       c.requested_by,
       min(t.created_at) as created_at,
       coalesce((select r.icd10 from tumor_report r where r.consult_id = t.consult_id order by r.reported_at desc limit 1),
                (select r.icd10 from tumor_report r where r.patient_id = c.patient_id order by r.reported_at desc limit 1),
                'C80.9') as icd10,
       coalesce(substring((select rec.content::jsonb -> 'evaluation' -> 'tnm' ->> 'stageGroup' from recommendation rec
                           where rec.consult_id = t.consult_id and rec.state = 'SIGNED'
                           order by rec.revision desc limit 1) from '^(?:0|IV|III|II|I)[A-C]?'), 'occult') as stage
from follow_up_task t
         join consult c on c.id = t.consult_id
group by t.consult_id, c.patient_id, c.requested_by_id, c.requested_by;

create temporary table board_schedule as
select distinct on (patient_id, left(icd10, 3)) gen_random_uuid() as id, *
from board_primary
order by patient_id, left(icd10, 3), created_at desc;

insert into follow_up_schedule (id, patient_id, hospital_id, icd10, stage, template, attending_id, attending,
                                assignee_id, assignee, created_by, created_at)
select id, patient_id, hospital_id, icd10, stage,
       case
           when left(icd10, 3) = 'C50' then 'BREAST'
           when stage like 'III%' or stage like 'IV%' or left(icd10, 3) in ('C34', 'C22') then 'INTENSIVE'
           when stage = '0' or (stage like 'I%' and stage not like 'II%') then 'EARLY'
           else 'STANDARD'
           end,
       requested_by_id, requested_by, requested_by_id, requested_by, 'MDT', created_at
from board_schedule;

insert into follow_up_visit (id, schedule_id, due_on, state, title, consult_id, recommendation_id, note,
                             reported_by, reported_at, contacted_on)
select t.id, b.id, t.due_on, t.state, left(t.title, 200), t.consult_id, t.recommendation_id, left(t.outcome, 2000),
       t.reported_by, t.reported_at, (t.reported_at at time zone 'Asia/Shanghai')::date
from follow_up_task t
         join board_primary p on p.consult_id = t.consult_id
         join board_schedule b on b.patient_id = p.patient_id and left(b.icd10, 3) = left(p.icd10, 3);

drop table board_primary;
drop table board_schedule;
drop table follow_up_task;
