-- Resubmission: a returned plan comes back as a new version of the same submission. Each version records
-- its objects and, from version 2 on, the county's answer to every required change of the return it follows.
alter table rt_submission add column submission_version integer not null default 1;

create table rt_submission_version (
    submission_id   uuid not null references rt_submission (id),
    version         integer not null,
    study_uid       varchar(64) not null,
    answers_return  uuid references rt_decision (id),
    answers         jsonb not null default '[]',
    note            text,
    submitted_by_id varchar(64) not null,
    submitted_by    varchar(200) not null,
    submitted_at    timestamptz not null,
    rtstruct_uid    varchar(64),
    rtplan_uid      varchar(64),
    rtdose_uid      varchar(64),
    queued_at       timestamptz,
    primary key (submission_id, version)
);
insert into rt_submission_version (submission_id, version, study_uid, submitted_by_id, submitted_by, submitted_at,
                                   rtstruct_uid, rtplan_uid, rtdose_uid, queued_at)
select id, 1, study_uid, submitted_by_id, submitted_by, created_at, rtstruct_uid, rtplan_uid, rtdose_uid,
       objects_complete_at
from rt_submission;

-- which version of the submission a revision belongs to (approval signs a revision of the current version)
alter table rt_revision add column submission_version integer not null default 1;
-- where in the room's log the edits of the current base revision start (a resubmission rebases the room)
alter table rt_review_room add column base_seq bigint not null default 0;
