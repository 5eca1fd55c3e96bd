-- What a feed entry is about when it is not a consult: radiotherapy notices (rt.*) name their plan
-- submission here. Radiotherapy never writes this table; it fires org.consilium.platform.UserNotice and
-- the feed's owner (consult) records it.
alter table notification add column subject_id uuid;
