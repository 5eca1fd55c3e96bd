-- Live rooms: a room belongs to a consult session or an RT review (kind + ref_id). Its ordered event log
-- gets one sequence per room: live_room.last_seq is bumped in the same transaction that inserts the event
-- and applies its effect, and the room row lock orders concurrent writers, so commit order = seq order.
create table live_room (
    id          uuid primary key,
    kind        text        not null,
    ref_id      uuid        not null,
    title       text        not null,
    last_seq    bigint      not null default 0,
    follow_user text,
    follow_viewport jsonb,
    created_at  timestamptz not null default now(),
    closed_at   timestamptz,
    unique (kind, ref_id)
);

-- Who may join a room; filled by the owning capability through org.consilium.live.Rooms.
create table live_participant (
    room_id      uuid        not null references live_room (id),
    user_id      text        not null,
    display_name text        not null,
    role         text        not null,
    admitted_at  timestamptz not null default now(),
    revoked_at   timestamptz,
    primary key (room_id, user_id)
);

create table live_event (
    room_id  uuid        not null references live_room (id),
    seq      bigint      not null,
    type     text        not null,
    actor_id text,
    op_id    text,
    body     jsonb       not null,
    at       timestamptz not null default now(),
    primary key (room_id, seq)
);
-- A client op id is applied once per user and room (idempotent retries).
create unique index live_event_op on live_event (room_id, actor_id, op_id) where op_id is not null;

-- Current state for snapshots, maintained by the events' effects.
create table live_annotation (
    room_id          uuid        not null references live_room (id),
    id               uuid        not null,
    kind             text        not null,
    sop_instance_uid text        not null,
    frame            int         not null,
    body             jsonb       not null,
    created_by       text        not null,
    seq              bigint      not null,
    primary key (room_id, id)
);

create table live_contour (
    room_id    uuid   not null references live_room (id),
    roi_number int    not null,
    polygon_id uuid   not null,
    plane      text   not null,
    body       jsonb  not null,
    seq        bigint not null,
    primary key (room_id, roi_number, polygon_id)
);

create table live_vote (
    room_id  uuid   not null references live_room (id),
    question text   not null,
    user_id  text   not null,
    body     jsonb  not null,
    seq      bigint not null,
    primary key (room_id, question, user_id)
);

-- Edit leases per ROI ("roi:3") and per annotation ("annotation:<uuid>").
create table live_lease (
    room_id       uuid        not null references live_room (id),
    target        text        not null,
    user_id       text        not null,
    display_name  text        not null,
    connection_id text        not null,
    expires_at    timestamptz not null,
    primary key (room_id, target)
);
create index live_lease_connection on live_lease (connection_id);
create index live_lease_expiry on live_lease (expires_at);

-- Who is connected where; a replica that stops beating loses its rows (and their leases).
create table live_presence (
    connection_id text primary key,
    room_id       uuid        not null references live_room (id),
    user_id       text        not null,
    display_name  text        not null,
    role          text        not null,
    replica       text        not null,
    joined_at     timestamptz not null default now()
);
create index live_presence_room on live_presence (room_id);

create table live_replica (
    id      text primary key,
    seen_at timestamptz not null
);

-- One-time socket tickets (only the SHA-256 of the ticket is kept). room_id null = the user's own channel.
create table live_ticket (
    hash         text primary key,
    user_id      text        not null,
    username     text        not null,
    display_name text        not null,
    hospital_id  uuid,
    room_id      uuid,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index live_ticket_expiry on live_ticket (expires_at);
