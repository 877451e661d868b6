// Everything the client knows of the game while playing: the zone and its map, the entities in view (from the
// WorldDelta payloads), the own character's predicted position, vitals, target, cooldowns and floating numbers.
import {
  CombatKind,
  type AbilityInfo,
  type CombatEvents,
  type GameCatalogInfo,
  type ItemInfo,
  type Vitals,
  type WorldDelta,
  type ZoneEntered,
} from "../protocol/wire";
import { EntityKind, WorldView, type VisibleEntity } from "../protocol/worldView";
import { INTERPOLATION_DELAY_MS, Interpolator, ServerClock, tickOf } from "./interpolation";
import { Predictor } from "./prediction";
import type { ZoneMap } from "./zoneMap";

export interface RenderEntity {
  netId: number;
  kind: EntityKind;
  name: string;
  health: number;
  maxHealth: number;
  track: Interpolator;
}

export interface Floater {
  x: number;
  y: number;
  text: string;
  color: string;
  born: number;
}

export interface Cooldown {
  start: number;
  duration: number;
}

export type WorldSound = "hit" | "death";

export class World {
  readonly view = new WorldView();
  readonly entities = new Map<number, RenderEntity>();
  readonly clock = new ServerClock();
  readonly predictor = new Predictor();
  readonly floaters: Floater[] = [];
  readonly cooldowns = new Map<string, Cooldown>();
  readonly combatLog: string[] = [];
  zone: ZoneEntered | undefined;
  map: ZoneMap | undefined;
  selfNetId = -1;
  targetNetId = 0;
  vitals: Vitals | undefined;
  deltas = 0;
  private selfKnown = false;
  /** Server time (tick × tickMs) of the last delta applied in this zone. */
  private lastDeltaTime: number | undefined;
  /** The zone's tick length, ms. */
  private tickMs = tickOf(undefined);
  // Entities that just left the view (a kill despawns its monster), so the combat events about them still name them.
  private readonly departed = new Map<number, { name: string; x: number; y: number }>();
  private readonly abilities = new Map<string, AbilityInfo>();
  private readonly items = new Map<string, ItemInfo>();

  constructor(
    catalog: GameCatalogInfo | undefined,
    private readonly sound: (name: WorldSound) => void,
  ) {
    for (const a of catalog?.abilities ?? []) {
      this.abilities.set(a.id, a);
    }
    for (const i of catalog?.items ?? []) {
      this.items.set(i.id, i);
    }
  }

  ability(id: string): AbilityInfo | undefined {
    return this.abilities.get(id);
  }

  itemName(id: string): string {
    return this.items.get(id)?.name ?? id;
  }

  item(id: string): ItemInfo | undefined {
    return this.items.get(id);
  }

  get dead(): boolean {
    return this.vitals?.dead ?? false;
  }

  /** A new zone (EnterWorld, ZoneChanged): the deltas that follow reset the view. */
  enterZone(zone: ZoneEntered, map: ZoneMap): void {
    this.zone = zone;
    this.map = map;
    this.lastDeltaTime = undefined;
    this.tickMs = tickOf(zone.tickMilliseconds);
    this.clock.setTick(this.tickMs);
    this.predictor.tickMs = this.tickMs;
    this.selfNetId = zone.selfNetId;
    this.targetNetId = 0;
    this.selfKnown = false;
    const self = this.view.get(zone.selfNetId);
    if (self) {
      this.predictor.reset(self.x, self.y, performance.now());
      this.selfKnown = true;
    }
  }

  /** Applies one delta; throws MalformedPayloadError when the payload does not fit (the caller reconnects). */
  applyDelta(delta: WorldDelta, now: number): void {
    const changes = this.view.apply(delta.payload);
    this.deltas++;
    this.clock.observe(delta.tick, now);
    const t = delta.tick * this.tickMs;
    // Entities this delta moves stood still until the previous delta (which did not move them).
    const stillUntil = this.lastDeltaTime !== undefined && this.lastDeltaTime < t ? this.lastDeltaTime : t - this.tickMs;
    this.lastDeltaTime = t;
    if (delta.selfNetId !== this.selfNetId) {
      this.selfNetId = delta.selfNetId;
      this.selfKnown = false;
    }
    if (changes.wasReset) {
      this.entities.clear();
      this.selfKnown = false;
    }
    for (const gone of changes.despawned) {
      const entity = this.entities.get(gone.netId);
      if (entity) {
        this.departed.set(gone.netId, { name: entity.name, ...entity.track.latest });
        if (this.departed.size > 64) {
          this.departed.delete(this.departed.keys().next().value!);
        }
      }
      this.entities.delete(gone.netId);
      if (gone.netId === this.targetNetId) {
        this.targetNetId = 0;
      }
    }
    for (const e of changes.spawned) {
      this.entities.set(e.netId, {
        netId: e.netId, kind: e.kind, name: e.name, health: e.health, maxHealth: e.maxHealth, track: new Interpolator(t, e.x, e.y),
      });
    }
    for (const { previous, current } of changes.updated) {
      const entity = this.entities.get(current.netId);
      if (!entity) {
        continue;
      }
      entity.health = current.health;
      entity.maxHealth = current.maxHealth;
      // A jump of more than a tick's worth of fast walking is a respawn or a teleport: no sliding across the map.
      const jump = Math.hypot(current.x - previous.x, current.y - previous.y);
      if (jump > 20) {
        entity.track.snap(t, current.x, current.y);
      } else {
        entity.track.push(t, current.x, current.y, stillUntil);
      }
    }

    const self = this.view.get(this.selfNetId);
    if (self) {
      if (!this.selfKnown) {
        this.predictor.reset(self.x, self.y, now);
        this.selfKnown = true;
      } else {
        this.predictor.reconcile(self.x, self.y, delta.ackInput, delta.tick, now);
      }
    }
  }

  applyCombat(combat: CombatEvents, now: number): void {
    for (const e of combat.events) {
      const source = this.nameOf(e.sourceNetId);
      const target = this.nameOf(e.targetNetId);
      const ability = this.abilities.get(e.abilityId)?.name ?? e.abilityId;
      const at = this.positionOf(e.targetNetId, now);
      switch (e.kind) {
        case CombatKind.used:
          if (e.sourceNetId === this.selfNetId) {
            const cooldown = (this.abilities.get(e.abilityId)?.cooldownSeconds ?? 1) * 1000;
            this.cooldowns.set(e.abilityId, { start: now, duration: cooldown });
          }
          break;
        case CombatKind.damage:
          this.log(`${source}'s ${ability} hits ${target} for ${e.amount}${e.critical ? " (critical)" : ""}`);
          if (at) {
            this.floaters.push({ x: at.x, y: at.y, text: `-${e.amount}${e.critical ? "!" : ""}`, color: e.critical ? "#ffd34d" : "#ff6b5b", born: now });
          }
          if (e.sourceNetId === this.selfNetId || e.targetNetId === this.selfNetId) {
            this.sound("hit");
          }
          break;
        case CombatKind.heal:
          this.log(`${source}'s ${ability} heals ${target} for ${e.amount}`);
          if (at) {
            this.floaters.push({ x: at.x, y: at.y, text: `+${e.amount}`, color: "#6bff8a", born: now });
          }
          break;
        case CombatKind.died:
          this.log(`${target} dies`);
          if (at) {
            this.floaters.push({ x: at.x, y: at.y, text: "✝", color: "#dddddd", born: now });
          }
          this.sound("death");
          if (e.targetNetId === this.targetNetId) {
            this.targetNetId = 0;
          }
          break;
        case CombatKind.respawned:
          this.log(`${target} is back`);
          break;
        case CombatKind.castStarted:
          if (e.sourceNetId !== this.selfNetId) {
            this.log(`${source} begins ${ability}`);
          }
          break;
      }
    }
  }

  /** Where an entity is drawn now: the own character predicted, the others interpolated 100 ms in the past. */
  positionOf(netId: number, now: number): { x: number; y: number } | undefined {
    if (netId === this.selfNetId && this.selfKnown) {
      return { x: this.predictor.x, y: this.predictor.y };
    }
    const entity = this.entities.get(netId);
    if (!entity) {
      const departed = this.departed.get(netId);
      return departed ? { x: departed.x, y: departed.y } : undefined;
    }
    const serverNow = this.clock.now(now);
    return serverNow === undefined ? entity.track.latest : entity.track.at(serverNow - INTERPOLATION_DELAY_MS);
  }

  get self(): VisibleEntity | undefined {
    return this.view.get(this.selfNetId);
  }

  nameOf(netId: number): string {
    return this.entities.get(netId)?.name ?? this.departed.get(netId)?.name ?? (netId === this.selfNetId ? "you" : `#${netId}`);
  }

  log(line: string): void {
    this.combatLog.push(line);
    if (this.combatLog.length > 50) {
      this.combatLog.shift();
    }
  }

  /** The nearest living monster to the own character, for Tab targeting. */
  nearestEnemy(now: number, exclude = 0): number {
    const me = this.positionOf(this.selfNetId, now);
    let best = 0;
    let bestDistance = Infinity;
    for (const e of this.entities.values()) {
      if (e.kind !== EntityKind.monster || e.health <= 0 || e.netId === exclude) {
        continue;
      }
      const p = this.positionOf(e.netId, now);
      if (!me || !p) {
        continue;
      }
      const d = Math.hypot(p.x - me.x, p.y - me.y);
      if (d < bestDistance) {
        bestDistance = d;
        best = e.netId;
      }
    }
    return best;
  }
}
