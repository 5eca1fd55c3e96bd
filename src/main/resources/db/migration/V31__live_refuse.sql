-- Lets one statement refuse itself. A room event appended in a single autocommitted statement
-- (RoomLog.appendAlone) calls this last: a reason raises, and the error undoes the statement's seq bump,
-- event and effect together, as a rollback undoes a multi-statement append.
create function live_refuse(reason text) returns boolean language plpgsql volatile as $$
begin
    if reason is not null then
        raise exception using errcode = 'CL001', message = reason;
    end if;
    return true;
end
$$;
