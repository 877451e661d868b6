// Port of Sunderfall.Protocol/Sync/WorldView.cs (format: docs/protocol.md, "The WorldDelta payload"): the entities
// the client knows, kept current by applying each WorldDelta payload in the order received.
import { INT32_MAX, INT32_MIN, MalformedPayloadError, PayloadReader, unZigZag } from "./payloadReader";

export { MalformedPayloadError };

/** Header bits and update mask bits of the payload (WireFormat.cs). */
export const WireFormat = {
  reset: 1,
  hasDespawns: 2,
  hasSpawns: 4,
  hasUpdates: 8,
  knownHeaderBits: 15,
  moved: 1,
  vitals: 2,
  updateMaskBits: 2,
} as const;

/** Positions travel in steps of 1/16 unit (Quantization.cs). */
export const QUANTIZATION_SCALE = 16;

export const EntityKind = { player: 0, monster: 1, npc: 2 } as const;
export type EntityKind = (typeof EntityKind)[keyof typeof EntityKind];

/** One entity as the client knows it; x and y are the quantized positions in units. */
export interface VisibleEntity {
  readonly netId: number;
  readonly kind: EntityKind;
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly health: number;
  readonly maxHealth: number;
}

export interface EntityUpdate {
  readonly previous: VisibleEntity;
  readonly current: VisibleEntity;
}

/** What one apply changed. */
export interface WorldViewChanges {
  wasReset: boolean;
  spawned: VisibleEntity[];
  updated: EntityUpdate[];
  despawned: VisibleEntity[];
}

interface Entry {
  netId: number;
  kind: EntityKind;
  name: string;
  x: number;
  y: number;
  health: number;
  maxHealth: number;
  // The pass that last touched this entry, so one scan finds the entries a pass did not touch.
  mark: number;
}

interface PendingUpdate {
  entry: Entry;
  x: number;
  y: number;
  health: number;
  maxHealth: number;
}

function toVisible(e: Entry): VisibleEntity {
  return {
    netId: e.netId,
    kind: e.kind,
    name: e.name,
    x: e.x / QUANTIZATION_SCALE,
    y: e.y / QUANTIZATION_SCALE,
    health: e.health,
    maxHealth: e.maxHealth,
  };
}

/**
 * A payload is checked whole before anything changes: a malformed one throws MalformedPayloadError and leaves the
 * view as it was (then the connection should start over: the server resets a new connection's view).
 */
export class WorldView {
  private readonly known = new Map<number, Entry>();
  private pass = 0;

  get count(): number {
    return this.known.size;
  }

  get(netId: number): VisibleEntity | undefined {
    const e = this.known.get(netId);
    return e ? toVisible(e) : undefined;
  }

  all(): VisibleEntity[] {
    return [...this.known.values()].map(toVisible);
  }

  /** Forgets every entity (e.g. when leaving the zone). */
  clear(): void {
    this.known.clear();
  }

  apply(payload: Uint8Array): WorldViewChanges {
    const pending = this.validate(payload);
    const changes: WorldViewChanges = { wasReset: pending.reset, spawned: [], updated: [], despawned: [] };

    if (pending.reset) {
      for (const e of this.known.values()) {
        changes.despawned.push(toVisible(e));
      }
      this.known.clear();
    }

    for (const u of pending.updates) {
      const previous = toVisible(u.entry);
      u.entry.x = u.x;
      u.entry.y = u.y;
      u.entry.health = u.health;
      u.entry.maxHealth = u.maxHealth;
      changes.updated.push({ previous, current: toVisible(u.entry) });
    }

    for (const netId of pending.despawns) {
      const e = this.known.get(netId)!;
      changes.despawned.push(toVisible(e));
      this.known.delete(netId);
    }

    for (const spawn of pending.spawns) {
      this.known.set(spawn.netId, spawn);
      changes.spawned.push(toVisible(spawn));
    }

    return changes;
  }

  // Parses the whole payload, checking it against what the view knows; changes nothing the client can see.
  private validate(payload: Uint8Array): { reset: boolean; despawns: number[]; spawns: Entry[]; updates: PendingUpdate[] } {
    const despawns: number[] = [];
    const spawns: Entry[] = [];
    const updates: PendingUpdate[] = [];
    const spawnedIds = new Set<number>();
    const mark = ++this.pass;

    const reader = new PayloadReader(payload);
    if (payload.length === 0) {
      throw reader.malformed("it is empty; even a payload without changes has a header byte");
    }

    const header = reader.readByte("the header");
    if ((header & ~WireFormat.knownHeaderBits) !== 0) {
      throw reader.malformed(`header 0x${header.toString(16).toUpperCase().padStart(2, "0")} sets bits this version does not know`);
    }

    const reset = (header & WireFormat.reset) !== 0;

    if ((header & WireFormat.hasDespawns) !== 0) {
      const count = reader.readCount("the despawn count");
      for (let i = 0; i < count; i++) {
        const netId = reader.readNetId("a despawned net id");
        const e = reset ? undefined : this.known.get(netId);
        if (!e) {
          throw reader.malformed(`it despawns net id ${netId}, which the client does not know`);
        }
        if (e.mark === mark) {
          throw reader.malformed(`it despawns net id ${netId} twice`);
        }
        e.mark = mark;
        despawns.push(netId);
      }
    }

    if ((header & WireFormat.hasSpawns) !== 0) {
      const count = reader.readCount("the spawn count");
      for (let i = 0; i < count; i++) {
        const netId = reader.readNetId("a spawned net id");
        const kind = reader.readByte("an entity kind");
        if (kind > EntityKind.npc) {
          throw reader.malformed(`net id ${netId} has unknown entity kind ${kind}`);
        }
        const name = reader.readName("an entity name");
        const x = reader.readSignedInt32("a spawn x");
        const y = reader.readSignedInt32("a spawn y");
        const health = reader.readSignedInt32("a spawn health");
        const maxHealth = reader.readSignedInt32("a spawn max health");

        const existing = reset ? undefined : this.known.get(netId);
        const stillKnown = existing !== undefined && existing.mark !== mark;
        if (stillKnown || spawnedIds.has(netId)) {
          throw reader.malformed(`it spawns net id ${netId}, which the client already has`);
        }
        spawnedIds.add(netId);
        spawns.push({ netId, kind: kind as EntityKind, name, x, y, health, maxHealth, mark: 0 });
      }
    }

    if ((header & WireFormat.hasUpdates) !== 0) {
      const count = reader.readCount("the update count");
      for (let i = 0; i < count; i++) {
        const head = reader.readVarint("an update's net id");
        const mask = head % (1 << WireFormat.updateMaskBits);
        const id = Math.floor(head / (1 << WireFormat.updateMaskBits));
        if (id > INT32_MAX) {
          throw reader.malformed(`update net id ${id} exceeds the largest net id ${INT32_MAX}`);
        }
        const netId = id;
        if (mask === 0) {
          throw reader.malformed(`the update of net id ${netId} changes nothing`);
        }

        // Despawns came first, so a mark from this pass means despawned or already updated.
        const e = reset ? undefined : this.known.get(netId);
        if (!e || e.mark === mark) {
          throw reader.malformed(`it updates net id ${netId}, which the client does not know (or twice)`);
        }
        e.mark = mark;
        let { x, y, health, maxHealth } = e;

        if ((mask & WireFormat.moved) !== 0) {
          const dx = reader.readSigned("an x delta");
          const dy = reader.readSigned("a y delta");
          if (dx === 0 && dy === 0) {
            throw reader.malformed(`the move of net id ${netId} is zero`);
          }
          x = add(reader, x, dx, netId, "x");
          y = add(reader, y, dy, netId, "y");
        }

        if ((mask & WireFormat.vitals) !== 0) {
          const word = reader.readVarint("a health delta");
          const dHealth = unZigZag(Math.floor(word / 2));
          const dMax = word % 2 !== 0 ? reader.readSigned("a max health delta") : 0;
          if (dHealth === 0 && dMax === 0) {
            throw reader.malformed(`the health change of net id ${netId} is zero`);
          }
          health = add(reader, health, dHealth, netId, "health");
          maxHealth = add(reader, maxHealth, dMax, netId, "max health");
        }

        updates.push({ entry: e, x, y, health, maxHealth });
      }
    }

    if (!reader.atEnd) {
      throw reader.malformed(`${reader.remaining} bytes follow the last record`);
    }

    return { reset, despawns, spawns, updates };
  }
}

function add(reader: PayloadReader, value: number, delta: number, netId: number, field: string): number {
  // Values are 32-bit and deltas exact up to 2^53, so the sum is exact whenever it can be in range.
  const sum = value + delta;
  if (sum < INT32_MIN || sum > INT32_MAX) {
    throw reader.malformed(`the ${field} of net id ${netId} leaves the 32-bit range`);
  }
  return sum;
}
