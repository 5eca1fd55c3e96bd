-- Room events have one append path again (RoomLog.append, one transaction on the JDBC datasource); the
-- one-statement appends that refused themselves through live_refuse (V31) are gone.
drop function if exists live_refuse(text);
