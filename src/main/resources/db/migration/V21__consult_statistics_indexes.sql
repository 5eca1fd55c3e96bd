-- The consult figures of the alliance statistics (ConsultStatistics) read the consults a set of hospitals requested
-- in a window with their clocks, and each one's first signature: both from an index alone (issue 26's 300 ms).
create index consult_submitted on consult (hospital_id, submitted_at) include (triaged_at, session_at);
create index recommendation_signed on recommendation (consult_id, signed_at) where signed_at is not null;
