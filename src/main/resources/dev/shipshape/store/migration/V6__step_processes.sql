-- The process group each run: step's command was started in (its latest attempt), so that a later
-- resume or run of the environment can find what a dead engine left running and stop it first.
CREATE TABLE step_processes (
    run_id        VARCHAR NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    step_id       VARCHAR NOT NULL,
    host          VARCHAR NOT NULL,
    process_group BIGINT  NOT NULL,
    started_at    BIGINT  NOT NULL,
    PRIMARY KEY (run_id, step_id)
);
