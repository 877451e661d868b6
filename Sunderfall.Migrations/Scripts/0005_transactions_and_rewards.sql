-- The transaction log, committed encounters and their reward grants (issue #4), and the reconciliation that compares
-- what characters hold with what they were ever granted (issue #5). Runs as the schema owner (sunderfall); silos and
-- frontends connect as sunderfall_app, which may append to the log and the ledger but never rewrite them.
-- docs/support.md explains how support staff read these tables.

-- Every state-changing player action (Sunderfall.Grains/Transactions/TransactionKinds.cs names the kinds): who did it
-- (actor), to whom (target), in which encounter and zone, and the particulars as a JSON object. Silos write it in
-- batches; reward grants are written in the same transaction that commits them.
CREATE TABLE transaction_log (
    id            bigserial   NOT NULL PRIMARY KEY,
    at            timestamptz NOT NULL,
    kind          text        NOT NULL,
    actor_id      uuid        NOT NULL,
    target_id     uuid        NULL,
    encounter_id  uuid        NULL,
    zone_id       text        NULL,
    details       jsonb       NULL
);

-- Support reads one player's history over a time range, as actor or as target, and everything of one encounter.
CREATE INDEX ix_transaction_log_actor_at ON transaction_log (actor_id, at);
CREATE INDEX ix_transaction_log_target_at ON transaction_log (target_id, at) WHERE target_id IS NOT NULL;
CREATE INDEX ix_transaction_log_encounter ON transaction_log (encounter_id) WHERE encounter_id IS NOT NULL;

-- One row per finished encounter, written once: its id is the idempotency key of the commit. record holds the full
-- record (seed, input log, outcome) for support and replay.
CREATE TABLE encounters (
    encounter_id  uuid        NOT NULL PRIMARY KEY,
    zone_id       text        NOT NULL,
    ended_at      timestamptz NOT NULL,
    committed_at  timestamptz NOT NULL DEFAULT now(),
    record        jsonb       NOT NULL
);

-- What each player earned from an encounter, committed with it. delivered_at is set once the player grain has applied
-- the grant and saved the character; until then the grant is owed and is delivered again (applying is idempotent).
-- items is a JSON array of {"itemId": "...", "count": n}. earned_at is the grant's own time (RewardGrant.At).
CREATE TABLE reward_grants (
    encounter_id  uuid        NOT NULL REFERENCES encounters (encounter_id),
    player_id     uuid        NOT NULL,
    experience    bigint      NOT NULL CHECK (experience >= 0),
    gold          bigint      NOT NULL CHECK (gold >= 0),
    items         jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(items) = 'array'),
    earned_at     timestamptz NOT NULL,
    committed_at  timestamptz NOT NULL DEFAULT now(),
    delivered_at  timestamptz NULL,
    CONSTRAINT pk_reward_grants PRIMARY KEY (encounter_id, player_id)
);

-- Delivered is final: a grant marked delivered is never delivered again, and the player grain forgets the ids of
-- delivered grants, so clearing or moving delivered_at could apply a grant twice. Only a NULL may be stamped.
CREATE FUNCTION reward_grants_delivered_once() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.delivered_at IS NOT NULL AND NEW.delivered_at IS DISTINCT FROM OLD.delivered_at THEN
        RAISE EXCEPTION 'reward grant %/% was delivered at %; delivered_at cannot change', OLD.encounter_id, OLD.player_id, OLD.delivered_at
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER tr_reward_grants_delivered_once BEFORE UPDATE OF delivered_at ON reward_grants
    FOR EACH ROW EXECUTE FUNCTION reward_grants_delivered_once();

-- A player's owed grants (read on every delivery) and the oldest owed grants (read by every silo's sweeper): both
-- small, as grants are delivered within moments.
CREATE INDEX ix_reward_grants_undelivered_player ON reward_grants (player_id) WHERE delivered_at IS NULL;
CREATE INDEX ix_reward_grants_undelivered_committed ON reward_grants (committed_at) WHERE delivered_at IS NULL;

-- The character id of a grain_state row. The ADO.NET provider stores a Guid key as the two halves of
-- Guid.ToByteArray() read as little-endian bigints (grain_id_n0, grain_id_n1); that byte array itself holds the
-- Guid's first three fields little-endian. Support can use it too:
--   SELECT payload FROM grain_state WHERE grain_type = 'player' AND orleans_guid_key(grain_id_n0, grain_id_n1) = '...'
CREATE FUNCTION orleans_guid_key(n0 bigint, n1 bigint) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT (substr(a, 9, 8) || substr(a, 5, 4) || substr(a, 1, 4)
            || substr(b, 15, 2) || substr(b, 13, 2) || substr(b, 11, 2) || substr(b, 9, 2)
            || substr(b, 7, 2) || substr(b, 5, 2) || substr(b, 3, 2) || substr(b, 1, 2))::uuid
    FROM (SELECT lpad(to_hex(n0), 16, '0') AS a, lpad(to_hex(n1), 16, '0') AS b) AS halves
$$;

-- A property of stored grain state, whether the serializer wrote it PascalCase (PlayerState's own names) or camelCase.
CREATE FUNCTION state_field(state jsonb, name text) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT COALESCE(state -> name, state -> (lower(left(name, 1)) || substr(name, 2)))
$$;

-- What a stored character (PlayerState as JSON) holds: 'gold', and 'item:<id>' for every item id counted over the bag
-- (array of {Slot, ItemId, Count}), what is equipped (object of slot -> item id) and the overflow (array of
-- {ItemId, Count}). Written defensively: a missing or odd-shaped field counts as holding nothing, a missing count as
-- one, a negative count as none. A new place that holds items in PlayerState must be added here (in a new migration).
CREATE FUNCTION character_holdings(state jsonb) RETURNS TABLE (resource text, amount numeric)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH stacks AS (
        SELECT entry
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(state_field(state, 'Bag')) = 'array' THEN state_field(state, 'Bag') ELSE '[]' END) AS bag(entry)
        UNION ALL
        SELECT entry
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(state_field(state, 'Overflow')) = 'array' THEN state_field(state, 'Overflow') ELSE '[]' END) AS overflow(entry)
    ), items AS (
        SELECT state_field(entry, 'ItemId') #>> '{}' AS item_id,
               CASE WHEN jsonb_typeof(state_field(entry, 'Count')) = 'number' THEN GREATEST((state_field(entry, 'Count') #>> '{}')::numeric, 0) ELSE 1 END AS count
        FROM stacks
        WHERE jsonb_typeof(entry) = 'object' AND jsonb_typeof(state_field(entry, 'ItemId')) = 'string'
        UNION ALL
        SELECT CASE jsonb_typeof(worn) WHEN 'string' THEN worn #>> '{}' ELSE state_field(worn, 'ItemId') #>> '{}' END, 1
        FROM jsonb_each(CASE WHEN jsonb_typeof(state_field(state, 'Equipped')) = 'object' THEN state_field(state, 'Equipped') ELSE '{}' END) AS equipped(slot, worn)
        WHERE jsonb_typeof(worn) = 'string' OR (jsonb_typeof(worn) = 'object' AND jsonb_typeof(state_field(worn, 'ItemId')) = 'string')
    )
    -- CASE, not only WHERE, guards the casts: the planner may evaluate an expression before a filter.
    SELECT 'gold', CASE WHEN jsonb_typeof(state_field(state, 'Gold')) = 'number' THEN GREATEST((state_field(state, 'Gold') #>> '{}')::numeric, 0) END
    WHERE jsonb_typeof(state_field(state, 'Gold')) = 'number'
    UNION ALL
    SELECT 'item:' || left(item_id, 128), sum(count)
    FROM items
    WHERE item_id <> ''
    GROUP BY left(item_id, 128)
$$;

-- Reconciliation (issue #5: items and gold only ever come from recorded grants). For every stored character (of
-- service_filter's service, or of all services when it is NULL) and every resource it holds more of than all its
-- reward grants together ever gave (granted, delivered or not; holding less is fine: things are used, discarded,
-- spent), returns the discrepancy and raises an 'impossible_resource' cheat flag of severity 3 unless one was raised
-- for the same character and resource within flag_window. Runs one call at a time (every silo's job and the admin
-- endpoint may start it): a second call waits, then sees the first one's flags and does not repeat them.
CREATE FUNCTION reconcile_resources(service_filter text DEFAULT NULL, flag_window interval DEFAULT interval '1 day')
RETURNS TABLE (player_id uuid, account_id uuid, resource text, held numeric, granted numeric, flag_id bigint, new_flag boolean)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
    PERFORM pg_advisory_xact_lock(353888333678);
    RETURN QUERY
    WITH characters AS (
        SELECT orleans_guid_key(s.grain_id_n0, s.grain_id_n1) AS player_id,
               CASE WHEN state_field(s.payload, 'OwnerAccountId') #>> '{}' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                    THEN (state_field(s.payload, 'OwnerAccountId') #>> '{}')::uuid END AS account_id,
               s.payload
        FROM grain_state s
        WHERE s.grain_type = 'player' AND s.grain_id_extension = '' AND jsonb_typeof(s.payload) = 'object'
          AND (service_filter IS NULL OR s.service_id = service_filter)
    ), held AS (
        SELECT c.player_id, c.account_id, h.resource, h.amount
        FROM characters c CROSS JOIN LATERAL character_holdings(c.payload) AS h
    ), granted AS (
        SELECT g.player_id, 'gold' AS resource, sum(g.gold)::numeric AS amount
        FROM reward_grants g
        GROUP BY g.player_id
        UNION ALL
        SELECT g.player_id, 'item:' || left(i.item ->> 'itemId', 128), sum(GREATEST((i.item ->> 'count')::numeric, 0))
        FROM reward_grants g CROSS JOIN LATERAL jsonb_array_elements(g.items) AS i(item)
        GROUP BY g.player_id, 'item:' || left(i.item ->> 'itemId', 128)
    ), excess AS (
        SELECT h.player_id, h.account_id, h.resource, h.amount AS held, COALESCE(g.amount, 0) AS granted
        FROM held h LEFT JOIN granted g ON g.player_id = h.player_id AND g.resource = h.resource
        WHERE h.amount > COALESCE(g.amount, 0)
    ), earlier AS (
        SELECT DISTINCT ON (f.player_id, f.details ->> 'resource') f.player_id, f.details ->> 'resource' AS resource, f.id
        FROM cheat_flags f JOIN excess e ON f.player_id = e.player_id AND f.details ->> 'resource' = e.resource
        WHERE f.kind = 'impossible_resource' AND f.at > now() - flag_window
        ORDER BY f.player_id, f.details ->> 'resource', f.id DESC
    ), raised AS (
        INSERT INTO cheat_flags (at, account_id, player_id, kind, severity, count, details)
        SELECT now(), e.account_id, e.player_id, 'impossible_resource', 3, 1,
               jsonb_build_object(
                   'rule', 'holds more than all its recorded reward grants gave',
                   'resource', e.resource,
                   'held', e.held::text,
                   'granted', e.granted::text)
               || CASE WHEN e.resource LIKE 'item:%' THEN jsonb_build_object('item', substr(e.resource, 6)) ELSE '{}' END
        FROM excess e
        WHERE NOT EXISTS (SELECT 1 FROM earlier p WHERE p.player_id = e.player_id AND p.resource = e.resource)
        RETURNING cheat_flags.id, cheat_flags.player_id, cheat_flags.details ->> 'resource' AS resource
    )
    SELECT e.player_id, e.account_id, e.resource, e.held, e.granted, COALESCE(r.id, p.id), r.id IS NOT NULL
    FROM excess e
    LEFT JOIN raised r ON r.player_id = e.player_id AND r.resource = e.resource
    LEFT JOIN earlier p ON p.player_id = e.player_id AND p.resource = e.resource
    ORDER BY e.player_id, e.resource;
END
$$;

-- The application role: append and read; of a grant, only the delivery time may change. Nothing is granted to PUBLIC.
REVOKE ALL ON transaction_log, encounters, reward_grants FROM PUBLIC;
GRANT SELECT, INSERT ON transaction_log TO sunderfall_app;
GRANT USAGE ON SEQUENCE transaction_log_id_seq TO sunderfall_app;
GRANT SELECT, INSERT ON encounters TO sunderfall_app;
GRANT SELECT, INSERT ON reward_grants TO sunderfall_app;
GRANT UPDATE (delivered_at) ON reward_grants TO sunderfall_app;
REVOKE ALL ON FUNCTION orleans_guid_key(bigint, bigint), state_field(jsonb, text), character_holdings(jsonb),
    reconcile_resources(text, interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION orleans_guid_key(bigint, bigint), state_field(jsonb, text), character_holdings(jsonb),
    reconcile_resources(text, interval) TO sunderfall_app;
