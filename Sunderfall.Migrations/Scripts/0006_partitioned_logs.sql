-- Data lifecycle (issue 21, item 6): transaction_log and audit_log become tables partitioned by month on their time
-- column, so old months can be detached, archived and dropped (Sunderfall.Migrations `maintain`, docs/operations.md
-- "Data lifecycle") instead of growing without bound. Every existing row is copied, in this script's one transaction.
-- The guarantees of 0002 and 0005 stay: sunderfall_app may SELECT and INSERT through the parent and nothing else, and
-- privileges on a partitioned parent are what an access through the parent is checked against.

-- Month boundaries are UTC whatever the server's TimeZone.
SET LOCAL TimeZone = 'UTC';

-- Creates the partition of parent for the month holding month_start (named parent_YYYY_MM) unless it exists. Rows of
-- that month already in the DEFAULT partition are moved into it first, so creating a month late never fails.
-- Returns true when it created the partition. Owner only: nothing is granted to sunderfall_app.
CREATE FUNCTION log_partition_ensure(parent text, month_start date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    first_day date := date_trunc('month', month_start::timestamp)::date;
    next_day  date := (date_trunc('month', month_start::timestamp) + interval '1 month')::date;
    part      text := parent || '_' || to_char(first_day, 'YYYY_MM');
    time_col  text := 'at';
BEGIN
    IF to_regclass(part) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part, parent);
    IF to_regclass(parent || '_default') IS NOT NULL THEN
        EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE %I >= %L AND %I < %L',
            part, parent || '_default', time_col, first_day::timestamp AT TIME ZONE 'UTC', time_col, next_day::timestamp AT TIME ZONE 'UTC');
        EXECUTE format('DELETE FROM %I WHERE %I >= %L AND %I < %L',
            parent || '_default', time_col, first_day::timestamp AT TIME ZONE 'UTC', time_col, next_day::timestamp AT TIME ZONE 'UTC');
    END IF;
    EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
        parent, part, first_day::timestamp AT TIME ZONE 'UTC', next_day::timestamp AT TIME ZONE 'UTC');
    RETURN true;
END
$$;
REVOKE ALL ON FUNCTION log_partition_ensure(text, date) FROM PUBLIC;

-- transaction_log ------------------------------------------------------------------------------------------------
ALTER TABLE transaction_log RENAME TO transaction_log_0005;
ALTER TABLE transaction_log_0005 DROP CONSTRAINT transaction_log_pkey;
DROP INDEX ix_transaction_log_actor_at, ix_transaction_log_target_at, ix_transaction_log_encounter;
-- The sequence outlives the old table: ids keep counting from where they were.
ALTER SEQUENCE transaction_log_id_seq OWNED BY NONE;

CREATE TABLE transaction_log (
    id            bigint      NOT NULL DEFAULT nextval('transaction_log_id_seq'),
    at            timestamptz NOT NULL,
    kind          text        NOT NULL,
    actor_id      uuid        NOT NULL,
    target_id     uuid        NULL,
    encounter_id  uuid        NULL,
    zone_id       text        NULL,
    details       jsonb       NULL,
    -- A partitioned table's key must hold the partition key; ids stay unique as they come from one sequence.
    CONSTRAINT transaction_log_pkey PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER SEQUENCE transaction_log_id_seq OWNED BY transaction_log.id;

CREATE INDEX ix_transaction_log_actor_at ON transaction_log (actor_id, at);
CREATE INDEX ix_transaction_log_target_at ON transaction_log (target_id, at) WHERE target_id IS NOT NULL;
CREATE INDEX ix_transaction_log_encounter ON transaction_log (encounter_id) WHERE encounter_id IS NOT NULL;

-- An insert whose month has no partition (far future, clock error) lands here rather than failing.
CREATE TABLE transaction_log_default PARTITION OF transaction_log DEFAULT;

SELECT log_partition_ensure('transaction_log', m::date)
FROM generate_series(
    date_trunc('month', LEAST(COALESCE((SELECT min(at) FROM transaction_log_0005), now()), now())),
    date_trunc('month', GREATEST(COALESCE((SELECT max(at) FROM transaction_log_0005), now()), now()) + interval '3 months'),
    interval '1 month') AS m;

INSERT INTO transaction_log (id, at, kind, actor_id, target_id, encounter_id, zone_id, details)
SELECT id, at, kind, actor_id, target_id, encounter_id, zone_id, details FROM transaction_log_0005;
DROP TABLE transaction_log_0005;

REVOKE ALL ON transaction_log FROM PUBLIC;
GRANT SELECT, INSERT ON transaction_log TO sunderfall_app;

-- audit_log --------------------------------------------------------------------------------------------------------
ALTER TABLE audit_log RENAME TO audit_log_0002;
ALTER TABLE audit_log_0002 DROP CONSTRAINT audit_log_pkey;
DROP INDEX ix_audit_log_at, ix_audit_log_actor_at;
ALTER SEQUENCE audit_log_id_seq OWNED BY NONE;

CREATE TABLE audit_log (
    id          bigint      NOT NULL DEFAULT nextval('audit_log_id_seq'),
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid        NULL,
    actor_name  text        NULL,
    action      text        NOT NULL,
    target      text        NULL,
    ip          text        NULL,
    details     jsonb       NULL,
    CONSTRAINT audit_log_pkey PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;

CREATE INDEX ix_audit_log_at ON audit_log (at);
CREATE INDEX ix_audit_log_actor_at ON audit_log (actor_id, at);

CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;

SELECT log_partition_ensure('audit_log', m::date)
FROM generate_series(
    date_trunc('month', LEAST(COALESCE((SELECT min(at) FROM audit_log_0002), now()), now())),
    date_trunc('month', GREATEST(COALESCE((SELECT max(at) FROM audit_log_0002), now()), now()) + interval '3 months'),
    interval '1 month') AS m;

INSERT INTO audit_log (id, at, actor_id, actor_name, action, target, ip, details)
SELECT id, at, actor_id, actor_name, action, target, ip, details FROM audit_log_0002;
DROP TABLE audit_log_0002;

REVOKE ALL ON audit_log FROM PUBLIC;
GRANT SELECT, INSERT ON audit_log TO sunderfall_app;

-- The live-session re-check (issue 18 item 6) asks, per family, whether a live token is left: only live tokens matter.
CREATE INDEX ix_refresh_tokens_live_family ON refresh_tokens (family_id) INCLUDE (account_id, expires_at)
    WHERE revoked_at IS NULL AND used_at IS NULL;
