-- Review decisions: a return with its required changes, or the sign-offs that approve a revision.
create table rt_decision (
    id               uuid primary key,
    submission_id    uuid not null references rt_submission (id),
    action           varchar(16) not null,
    revision_number  integer not null,
    required_changes jsonb not null default '[]',
    note             text,
    decided_by_id    varchar(64) not null,
    decided_by       varchar(200) not null,
    decided_at       timestamptz not null
);
create index rt_decision_submission on rt_decision (submission_id, decided_at);

create table rt_signature (
    submission_id   uuid not null references rt_submission (id),
    revision_number integer not null,
    capacity        varchar(16) not null,
    user_id         varchar(64) not null,
    user_name       varchar(200) not null,
    signed_at       timestamptz not null,
    primary key (submission_id, revision_number, capacity)
);
