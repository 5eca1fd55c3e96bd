-- Hospitals of the alliance. Each one is a Keycloak organization; the alias is the join key.
create table hospital (
    id              uuid primary key,
    alias           varchar(64)  not null unique,
    name            varchar(200) not null,
    name_en         varchar(200),
    level           varchar(16)  not null check (level in ('PROVINCIAL', 'COUNTY')),
    keycloak_org_id varchar(64) unique,
    created_at      timestamptz  not null default now()
);

insert into hospital (id, alias, name, name_en, level) values
    ('019a0000-0000-7000-8000-000000000001', 'prov',      '省肿瘤医院',     'Provincial Cancer Hospital',      'PROVINCIAL'),
    ('019a0000-0000-7000-8000-000000000002', 'changxing', '长兴县人民医院', 'Changxing County People''s Hospital', 'COUNTY'),
    ('019a0000-0000-7000-8000-000000000003', 'fumin',     '富民县人民医院', 'Fumin County People''s Hospital',     'COUNTY');

-- Append-only record of who read or changed what. Each row carries the SHA-256 of its content and of
-- the row before it, so that an edited or deleted row breaks the chain (see AuditVerifier).
create table audit (
    seq         bigserial    primary key,
    at          timestamptz  not null,
    actor_id    varchar(64)  not null,
    actor       varchar(200) not null,
    hospital_id uuid,
    action      varchar(64)  not null,
    target      varchar(500) not null,
    outcome     varchar(16)  not null check (outcome in ('SUCCESS', 'DENIED', 'FAILED')),
    detail      text,
    prev_hash   char(64)     not null,
    hash        char(64)     not null
);
create index audit_at on audit (at);
create index audit_actor on audit (actor_id, at);
create index audit_hospital on audit (hospital_id, at);
create index audit_action on audit (action, at);

-- The application only ever inserts; updates and deletes need a superuser to disable this trigger,
-- and the hash chain still shows what they did.
create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit rows are append-only';
end $$;
create trigger audit_append_only before update or delete on audit
    for each row execute function audit_is_append_only();
create trigger audit_no_truncate before truncate on audit
    for each statement execute function audit_is_append_only();
