-- A step's JSON answer (an http or health step's last response body, redacted, at most 64 KiB), kept so that the
-- when: conditions of later steps can read it (steps.NAME.json.PATH), also after a resume.
ALTER TABLE steps ADD COLUMN json_body VARCHAR;

-- Who confirmed a confirm step of a run, when, with what note (shipshape confirm, or the operator at the terminal).
-- One per step: the first confirmation counts.
CREATE TABLE confirmations (
    run_id       VARCHAR NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
    step_id      VARCHAR NOT NULL,
    confirmed_by VARCHAR NOT NULL,
    note         VARCHAR,
    confirmed_at BIGINT  NOT NULL,
    PRIMARY KEY (run_id, step_id)
);
