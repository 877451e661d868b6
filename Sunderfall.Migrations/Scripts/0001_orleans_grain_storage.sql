-- Grain state for the Orleans ADO.NET storage provider, written for PostgreSQL by Sunderfall.
-- One row per grain; payload is the grain state as JSON (the silo stores state with System.Text.Json),
-- kept as jsonb so operators can query it. version gives optimistic concurrency: every write names the version
-- it read, and a write against any other version changes nothing and reports a conflict.
CREATE TABLE grain_state (
    service_id          text        NOT NULL,
    grain_type          text        NOT NULL,
    grain_id_n0         bigint      NOT NULL,
    grain_id_n1         bigint      NOT NULL,
    grain_id_extension  text        NOT NULL DEFAULT '',
    payload             jsonb       NULL,
    version             integer     NOT NULL,
    modified_on         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_grain_state PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- The provider reads its SQL from this table at start-up (unquoted, so the name folds to orleansquery).
CREATE TABLE OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

-- Parameters bound by the provider: @GrainIdHash @GrainIdN0 @GrainIdN1 @GrainTypeHash @GrainTypeString
-- @GrainIdExtensionString @ServiceId @GrainStateVersion @PayloadBinary. The hashes are not needed: the primary key
-- indexes the natural key. Casts are explicit because a NULL parameter has no type of its own.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
SELECT convert_to(payload::text, 'UTF8') AS "PayloadBinary",
       modified_on AS "ModifiedOn",
       version AS "Version"
FROM grain_state
WHERE service_id = CAST(@ServiceId AS text)
  AND grain_type = CAST(@GrainTypeString AS text)
  AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
  AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
  AND grain_id_extension = COALESCE(CAST(@GrainIdExtensionString AS text), '');
$q$),
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE grain_state
    SET payload = convert_from(CAST(@PayloadBinary AS bytea), 'UTF8')::jsonb,
        version = version + 1,
        modified_on = now()
    WHERE service_id = CAST(@ServiceId AS text)
      AND grain_type = CAST(@GrainTypeString AS text)
      AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
      AND grain_id_extension = COALESCE(CAST(@GrainIdExtensionString AS text), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version
), inserted AS (
    INSERT INTO grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT CAST(@ServiceId AS text), CAST(@GrainTypeString AS text), CAST(@GrainIdN0 AS bigint),
           CAST(@GrainIdN1 AS bigint), COALESCE(CAST(@GrainIdExtensionString AS text), ''),
           convert_from(CAST(@PayloadBinary AS bytea), 'UTF8')::jsonb, 1
    WHERE CAST(@GrainStateVersion AS integer) IS NULL
    ON CONFLICT ON CONSTRAINT pk_grain_state DO NOTHING
    RETURNING version
)
-- Exactly one row, NULL on a version conflict: the provider turns NULL into InconsistentStateException.
SELECT COALESCE((SELECT version FROM updated), (SELECT version FROM inserted)) AS "NewGrainStateVersion";
$q$),
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE grain_state
    SET payload = NULL,
        version = version + 1,
        modified_on = now()
    WHERE service_id = CAST(@ServiceId AS text)
      AND grain_type = CAST(@GrainTypeString AS text)
      AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
      AND grain_id_extension = COALESCE(CAST(@GrainIdExtensionString AS text), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion";
$q$),
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM grain_state
    WHERE service_id = CAST(@ServiceId AS text)
      AND grain_type = CAST(@GrainTypeString AS text)
      AND grain_id_n0 = CAST(@GrainIdN0 AS bigint)
      AND grain_id_n1 = CAST(@GrainIdN1 AS bigint)
      AND grain_id_extension = COALESCE(CAST(@GrainIdExtensionString AS text), '')
      AND version = CAST(@GrainStateVersion AS integer)
    RETURNING version
)
SELECT (SELECT version + 1 FROM deleted) AS "NewGrainStateVersion";
$q$);
