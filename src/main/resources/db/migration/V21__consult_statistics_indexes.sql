-- The consult figures of the alliance statistics (ConsultStatistics) read the clocks of the consults a set of
-- hospitals requested in a window, from one index (issue 26's 300 ms). The fourth clock, the first signature, joins
-- the first triage decision and first session start on the consult: the database keeps it, whoever signs.
alter table consult add column signed_at timestamptz; -- first signature of a recommendation
update consult c set signed_at = r.signed_at
from (select consult_id, min(signed_at) as signed_at from recommendation where signed_at is not null
      group by consult_id) r
where r.consult_id = c.id;

create function consult_first_signature() returns trigger language plpgsql as $$
begin
    update consult set signed_at = new.signed_at
    where id = new.consult_id and (signed_at is null or signed_at > new.signed_at);
    return null;
end $$;
create trigger consult_first_signature after insert or update of signed_at on recommendation
    for each row when (new.signed_at is not null) execute function consult_first_signature();

create index consult_submitted on consult (hospital_id, submitted_at) include (triaged_at, session_at, signed_at);
