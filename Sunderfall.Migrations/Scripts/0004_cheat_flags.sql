-- Anti-cheat flags: one row each time a player's suspicious actions crossed a threshold (see
-- Sunderfall.Grains/AntiCheat/SuspicionRules.cs) or a frontend closed a connection for flooding the hub. Moderators
-- read them through GET /api/admin/flags and mark them reviewed; nothing else about a flag may change.
-- Runs as the schema owner (sunderfall); silos and frontends connect as sunderfall_app.
CREATE TABLE cheat_flags (
    id           bigserial   NOT NULL PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    -- Null when the reporter does not know it (zones know players, not accounts).
    account_id   uuid        NULL,
    player_id    uuid        NULL,
    kind         text        NOT NULL,
    -- 1 low (worth a look), 2 medium, 3 high (no honest client does this).
    severity     smallint    NOT NULL CHECK (severity BETWEEN 1 AND 3),
    -- How many suspicious events fell within the rule's window when the flag was raised.
    count        integer     NOT NULL CHECK (count >= 0),
    details      jsonb       NULL,
    reviewed_at  timestamptz NULL,
    -- The moderator's account id.
    reviewed_by  uuid        NULL
);

CREATE INDEX ix_cheat_flags_at ON cheat_flags (at);
CREATE INDEX ix_cheat_flags_player_at ON cheat_flags (player_id, at);

-- Read, append, and record a review: the application cannot rewrite or delete what was flagged.
REVOKE ALL ON cheat_flags FROM PUBLIC;
GRANT SELECT, INSERT ON cheat_flags TO sunderfall_app;
GRANT UPDATE (reviewed_at, reviewed_by) ON cheat_flags TO sunderfall_app;
GRANT USAGE ON SEQUENCE cheat_flags_id_seq TO sunderfall_app;
