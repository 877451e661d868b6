-- Accounts, refresh-token families and the append-only audit log.
-- Runs as the schema owner (sunderfall). Silos and frontends connect as sunderfall_app, which may read and change
-- accounts and tokens but may only read and append to the audit log: the application cannot rewrite history.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sunderfall_app') THEN
        RAISE EXCEPTION 'role sunderfall_app is missing: create it (LOGIN) before migrating; ./run.sh and ./test.sh do';
    END IF;
END
$$;

CREATE TABLE accounts (
    id             uuid        NOT NULL PRIMARY KEY,
    username       text        NOT NULL,
    email          text        NOT NULL,
    password_hash  text        NOT NULL,
    roles          text[]      NOT NULL DEFAULT '{player}',
    created_at     timestamptz NOT NULL DEFAULT now(),
    failed_logins  integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz NULL,
    banned_until   timestamptz NULL,
    ban_reason     text        NULL
);

-- Names and addresses are unique ignoring case: "Aria" and "aria" are the same account.
CREATE UNIQUE INDEX ux_accounts_username ON accounts (lower(username));
CREATE UNIQUE INDEX ux_accounts_email ON accounts (lower(email));

-- One row per refresh token ever issued. A family is one login session: each refresh marks the presented token used
-- and adds its successor to the family; presenting a used token again revokes the whole family. Only the SHA-256 of
-- a token is stored, so a copy of this table cannot be replayed.
CREATE TABLE refresh_tokens (
    id          uuid        NOT NULL PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL,
    revoked_at  timestamptz NULL,
    created_ip  text        NULL
);

CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);
-- Bans revoke every family of an account, and deleting an account cascades through this column.
CREATE INDEX ix_refresh_tokens_account ON refresh_tokens (account_id);

CREATE TABLE audit_log (
    id          bigserial   NOT NULL PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid        NULL,
    actor_name  text        NULL,
    action      text        NOT NULL,
    target      text        NULL,
    ip          text        NULL,
    details     jsonb       NULL
);

CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_actor_at ON audit_log (actor_id, at);

-- The application role. Nothing here is granted to PUBLIC, so other roles see none of it.
REVOKE ALL ON accounts, refresh_tokens, audit_log FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON grain_state TO sunderfall_app;
GRANT SELECT ON orleansquery TO sunderfall_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON accounts, refresh_tokens TO sunderfall_app;
-- Append and read only: no UPDATE, DELETE or TRUNCATE on the audit trail.
GRANT SELECT, INSERT ON audit_log TO sunderfall_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO sunderfall_app;
