-- Browser sessions of the server and the failed sign-ins its throttle counts, kept in the store so that
-- several servers over one store share them. Same portable SQL as V1: VARCHAR, BIGINT epoch millis.

-- A session is found by the SHA-256 (hex) of its cookie value; the value itself is kept nowhere.
-- expires_at is the absolute end; last_seen_at (moved at most once a minute) gives the idle end.
CREATE TABLE web_sessions (
    session_hash VARCHAR PRIMARY KEY,
    user_name    VARCHAR NOT NULL REFERENCES shipshape_users (user_name),
    created_at   BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL
);

CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);

-- One row per failed sign-in, under 'user:NAME' and under 'address:IP'; rows older than the throttle's
-- window are deleted as new ones arrive.
CREATE TABLE login_failures (
    subject VARCHAR NOT NULL,
    at      BIGINT  NOT NULL
);

CREATE INDEX login_failures_by_subject ON login_failures (subject, at);
CREATE INDEX login_failures_by_time ON login_failures (at);
