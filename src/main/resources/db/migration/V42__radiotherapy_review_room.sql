-- The live review room of a submission and the revision its contour edits apply to.
create table rt_review_room (
    submission_id uuid primary key references rt_submission (id),
    room_id       uuid not null,
    base_revision integer not null,
    opened_at     timestamptz not null
);
