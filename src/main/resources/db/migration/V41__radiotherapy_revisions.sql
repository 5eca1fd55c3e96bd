-- Structure-set revisions of a plan submission: immutable, each naming its parent (the lineage).
create table rt_revision (
    id            uuid primary key,
    submission_id uuid not null references rt_submission (id),
    number        integer not null,
    parent_id     uuid references rt_revision (id),
    kind          varchar(16) not null,
    author_id     varchar(64) not null,
    author        varchar(200) not null,
    created_at    timestamptz not null,
    reason        text not null,
    changed_rois  jsonb not null,
    content       jsonb not null,
    room_seq      bigint,
    unique (submission_id, number)
);

create function rt_revision_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'structure-set revisions are immutable';
end $$;
create trigger rt_revision_no_change before update or delete on rt_revision
    for each row execute function rt_revision_immutable();
