-- The review queue's SLA clock for the current submission version: when it entered the queue, the target
-- (hours, set by a case manager with the priority, or the configured default) and its due time, and when a
-- reviewer decided (return or approval). Each version's own clock is kept in rt_submission_version.
alter table rt_submission add column sla_hours integer check (sla_hours between 1 and 720);
alter table rt_submission add column queued_at timestamptz;
alter table rt_submission add column due_at timestamptz;
alter table rt_submission add column decided_at timestamptz;
alter table rt_submission add constraint rt_submission_priority check (priority between 1 and 5);
alter table rt_submission_version add column decided_at timestamptz;
update rt_submission s set queued_at = v.queued_at from rt_submission_version v
    where v.submission_id = s.id and v.version = s.submission_version;
update rt_submission set due_at = queued_at + interval '72 hours' where queued_at is not null;
create index rt_submission_queue on rt_submission (state, priority, due_at);
