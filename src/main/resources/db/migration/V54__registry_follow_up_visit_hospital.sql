-- Follow-up figures count a hospital's visits due in a window (FollowUpSection). The hospital is the schedule's;
-- copied onto each visit (a schedule never changes hospital) so that the count reads one index, not 400,000 visits
-- joined to their schedules. The copy is made by the database on insert, whoever inserts.
alter table follow_up_visit add column hospital_id uuid;
update follow_up_visit v set hospital_id = s.hospital_id from follow_up_schedule s where s.id = v.schedule_id;
alter table follow_up_visit alter column hospital_id set not null;

create function follow_up_visit_hospital() returns trigger language plpgsql as $$
begin
    select s.hospital_id into new.hospital_id from follow_up_schedule s where s.id = new.schedule_id;
    return new;
end $$;
create trigger follow_up_visit_hospital before insert or update of schedule_id on follow_up_visit
    for each row execute function follow_up_visit_hospital();

create index follow_up_visit_hospital_due on follow_up_visit (hospital_id, due_on) include (state);
