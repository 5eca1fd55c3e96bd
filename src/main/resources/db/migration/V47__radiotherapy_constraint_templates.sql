-- Constraint templates edited through the API: each edit is a new version of its disease site's template,
-- never changed afterwards. Sites without a row here use the built-in version 1 (constraint-templates.json).
create table rt_constraint_template (
    site        varchar(40) not null,
    version     integer not null,
    name        varchar(200) not null,
    constraints jsonb not null,
    note        text,
    author_id   varchar(64) not null,
    author      varchar(200) not null,
    created_at  timestamptz not null,
    primary key (site, version)
);
