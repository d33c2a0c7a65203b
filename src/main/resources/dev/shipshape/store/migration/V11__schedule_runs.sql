-- What `shipshape schedule run-due` handled per schedule (a procedure in an environment, e.g. 'dr-drill@staging'),
-- so that a due time is run once, even by two crons at once. Same portable SQL as V1: VARCHAR, BIGINT epoch millis.
-- last_due is the due time last handled (for a schedule never run, when it was first seen); run_id the run started
-- for it, note why none was.
CREATE TABLE schedule_runs (
    service  VARCHAR NOT NULL,
    schedule VARCHAR NOT NULL,
    last_due BIGINT  NOT NULL,
    run_id   VARCHAR,
    note     VARCHAR,
    PRIMARY KEY (service, schedule)
);
