-- Two-step sign-in (TOTP, RFC 6238) with one-time recovery codes, and account recovery by a one-time code sent to the
-- account's owner. Runs as the schema owner (sunderfall); sunderfall_app gets what the account service needs.

-- The TOTP secret is readable only by the schema owner and sunderfall_app (nothing is granted to PUBLIC) and never
-- leaves the service except once, when the owner enrols. mfa_last_step is the RFC 6238 time step of the last code
-- accepted, so a code cannot be used twice (nor one from an earlier step).
ALTER TABLE accounts
    ADD COLUMN mfa_enabled         boolean NOT NULL DEFAULT false,
    ADD COLUMN mfa_secret          bytea   NULL,
    ADD COLUMN mfa_pending_secret  bytea   NULL,
    ADD COLUMN mfa_last_step       bigint  NULL,
    ADD CONSTRAINT ck_accounts_mfa_secret CHECK (NOT mfa_enabled OR mfa_secret IS NOT NULL);

-- The one-time codes handed out when two-step sign-in is turned on; each stands in for one authenticator code.
-- Only a salted SHA-256 of each code is kept.
CREATE TABLE mfa_recovery_codes (
    id          uuid        NOT NULL PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    salt        bytea       NOT NULL CHECK (length(salt) = 16),
    code_hash   bytea       NOT NULL CHECK (length(code_hash) = 32),
    created_at  timestamptz NOT NULL,
    used_at     timestamptz NULL
);

CREATE INDEX ix_mfa_recovery_codes_account ON mfa_recovery_codes (account_id);

-- One row per account-recovery code sent. A code works once, until expires_at, and only while attempts (wrong codes
-- tried while it was live) stays under the configured limit. Only a salted SHA-256 of the code is kept.
CREATE TABLE recovery_requests (
    id            uuid        NOT NULL PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    salt          bytea       NOT NULL CHECK (length(salt) = 16),
    code_hash     bytea       NOT NULL CHECK (length(code_hash) = 32),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    attempts      integer     NOT NULL DEFAULT 0,
    used_at       timestamptz NULL,
    requested_ip  text        NULL
);

CREATE INDEX ix_recovery_requests_account_created ON recovery_requests (account_id, created_at);

REVOKE ALL ON mfa_recovery_codes, recovery_requests FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON mfa_recovery_codes, recovery_requests TO sunderfall_app;
