-- Users, API tokens and the tamper-evident audit log. Same portable SQL as V1: VARCHAR, BIGINT epoch
-- millis, BOOLEAN. V9 (not V8) because another change takes V8; Flyway applies versions with gaps in order.

-- People who may act through the server later; password_hash is an Argon2id hash (PHC string), or NULL
-- for a user who only uses tokens. A user is disabled, never deleted, so that the audit log keeps naming them.
CREATE TABLE shipshape_users (
    user_name     VARCHAR PRIMARY KEY,
    user_role     VARCHAR NOT NULL,
    password_hash VARCHAR,
    created_at    BIGINT  NOT NULL,
    disabled_at   BIGINT
);

-- API tokens: only the SHA-256 of the token is kept (hex); the token itself is shown once, at creation.
CREATE TABLE api_tokens (
    token_id   VARCHAR PRIMARY KEY,
    user_name  VARCHAR NOT NULL REFERENCES shipshape_users (user_name),
    token_name VARCHAR NOT NULL,
    token_hash VARCHAR NOT NULL UNIQUE,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT
);

-- The audit log: entry seq follows seq - 1 (no gaps), and entry_hash = SHA-256 of the entry's canonical
-- JSON, which includes previous_hash, the hash of entry seq - 1 (64 zeros for the first).
CREATE TABLE audit_log (
    seq           BIGINT  PRIMARY KEY,
    at            BIGINT  NOT NULL,
    actor         VARCHAR NOT NULL,
    actor_local   BOOLEAN NOT NULL,
    action        VARCHAR NOT NULL,
    target        VARCHAR,
    address       VARCHAR NOT NULL,
    outcome       VARCHAR NOT NULL,
    previous_hash VARCHAR NOT NULL,
    entry_hash    VARCHAR NOT NULL
);

CREATE INDEX audit_log_by_time ON audit_log (at);

-- The head of the chain: one row, locked by each append (SELECT ... FOR UPDATE) so that appenders take turns.
CREATE TABLE audit_head (
    head_id    INTEGER PRIMARY KEY,
    seq        BIGINT  NOT NULL,
    entry_hash VARCHAR NOT NULL
);

INSERT INTO audit_head (head_id, seq, entry_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
