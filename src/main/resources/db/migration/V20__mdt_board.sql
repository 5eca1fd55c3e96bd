-- MDT boards: meetings with an ordered agenda of consults (an ad-hoc session is a meeting of one consult),
-- invitations with the invitee's answer and attendance, then the board's recommendation with its
-- opinions and signatures, the report sent back and the follow-up asked of the county hospital.

create table mdt_meeting (
    id                    uuid primary key,
    kind                  text        not null check (kind in ('BOARD', 'AD_HOC')),
    title                 text        not null,
    starts_at             timestamptz not null,
    ends_at               timestamptz not null,
    place                 text,
    online_url            text,
    chair_id              text        not null,
    chair_username        text        not null,
    chair_name            text        not null,
    state                 text        not null check (state in ('PLANNED', 'OPEN', 'CLOSED', 'CANCELLED')),
    presenting_consult_id uuid,
    room_id               uuid,
    opened_at             timestamptz,
    closed_at             timestamptz,
    created_by            text        not null,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null default 0,
    check (ends_at > starts_at)
);
create index mdt_meeting_starts on mdt_meeting (starts_at);

create table mdt_agenda_item (
    meeting_id   uuid        not null references mdt_meeting (id) on delete cascade,
    consult_id   uuid        not null references consult (id),
    position     int         not null,
    presented_at timestamptz,
    primary key (meeting_id, consult_id)
);
create index mdt_agenda_consult on mdt_agenda_item (consult_id);

create table mdt_invitation (
    meeting_id   uuid        not null references mdt_meeting (id) on delete cascade,
    user_id      text        not null,
    username     text        not null,
    display_name text        not null,
    discipline   text,
    hospital_id  uuid        references hospital (id),
    response     text        not null check (response in ('PENDING', 'ACCEPTED', 'DECLINED')),
    responded_at timestamptz,
    attended_at  timestamptz,
    invited_by   text        not null,
    invited_at   timestamptz not null,
    primary key (meeting_id, user_id)
);
create index mdt_invitation_user on mdt_invitation (user_id);

-- One row per version; a signed version is never updated again (the service refuses, the trigger below
-- makes sure). An amendment is a new row whose previous_id names the version it replaces.
create table recommendation (
    id               uuid primary key,
    consult_id       uuid        not null references consult (id),
    revision         int         not null,
    previous_id      uuid references recommendation (id),
    meeting_id       uuid references mdt_meeting (id),
    state            text        not null check (state in ('DRAFT', 'FINAL', 'SIGNED')),
    content          text        not null,
    content_hash     text,
    amendment_reason text,
    chair_id         text        not null,
    chair_name       text        not null,
    finalised_at     timestamptz,
    signed_at        timestamptz,
    created_by       text        not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0,
    unique (consult_id, revision)
);

create function recommendation_signed_is_final() returns trigger language plpgsql as $$
begin
    if old.state = 'SIGNED' then
        raise exception 'recommendation % is signed and cannot change', old.id;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end $$;
create trigger recommendation_immutable before update or delete on recommendation
    for each row execute function recommendation_signed_is_final();

create table recommendation_opinion (
    recommendation_id uuid        not null references recommendation (id),
    user_id           text        not null,
    username          text        not null,
    display_name      text        not null,
    discipline        text,
    position          text        not null check (position in ('AGREE', 'DISSENT', 'ABSTAIN')),
    comment           text,
    at                timestamptz not null,
    primary key (recommendation_id, user_id)
);

create table recommendation_signer (
    recommendation_id uuid not null references recommendation (id),
    user_id           text not null,
    username          text not null,
    display_name      text not null,
    signed_at         timestamptz,
    signed_hash       text,
    primary key (recommendation_id, user_id)
);

create table consult_report (
    recommendation_id uuid primary key references recommendation (id),
    consult_id        uuid        not null references consult (id),
    study_uid         text,
    sop_instance_uid  text,
    forwarded_to      text,
    note              text,
    created_at        timestamptz not null
);

create table follow_up_task (
    id                uuid primary key,
    consult_id        uuid        not null references consult (id),
    recommendation_id uuid        not null references recommendation (id),
    hospital_id       uuid        not null references hospital (id),
    title             text        not null,
    due_on            date        not null,
    state             text        not null check (state in ('OPEN', 'DONE', 'CANCELLED')),
    outcome           text,
    reported_by       text,
    reported_at       timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create index follow_up_due on follow_up_task (hospital_id, state, due_on);
create index follow_up_consult on follow_up_task (consult_id);
