// Client-side prediction of the player's own movement. Inputs move the character at once; each WorldDelta's own
// position is compared with where the prediction was when the server had applied the same inputs (the round trip
// measured from ackInput), and a difference is blended in (or snapped, when large). Correction events snap.
import { DEFAULT_TICK_MS } from "./interpolation";
import type { ZoneMap } from "./zoneMap";

/** docs/protocol.md: World:PlayerSpeed; the client learns the real value from the server's own positions. */
export const DEFAULT_SPEED = 5;

interface SentInput {
  seq: number;
  dirX: number;
  dirY: number;
  at: number;
}

interface HistoryPoint {
  t: number;
  x: number;
  y: number;
}

export class Predictor {
  x = 0;
  y = 0;
  speed = DEFAULT_SPEED;
  /** Smoothed time from sending an input to the first delta acknowledging it, ms. */
  roundTrip = 100;
  /** The zone's tick length, ms (set on entering a zone). */
  tickMs = DEFAULT_TICK_MS;
  dirX = 0;
  dirY = 0;
  /** Corrections applied so far (for the status line and tests). */
  corrections = 0;

  private errX = 0;
  private errY = 0;
  private readonly pending: SentInput[] = [];
  private readonly history: HistoryPoint[] = [];
  private lastAck = -1;
  private anchor: { tick: number; x: number; y: number; ack: number } | undefined;
  private readonly speedSamples: number[] = [];

  /** Starts over at a position the server gave (spawn, zone change, respawn). */
  reset(x: number, y: number, now: number): void {
    this.x = x;
    this.y = y;
    this.errX = 0;
    this.errY = 0;
    this.history.length = 0;
    this.history.push({ t: now, x, y });
    this.anchor = undefined;
  }

  /** Records an input sent to the server; the direction applies locally from now on. */
  input(seq: number, dirX: number, dirY: number, now: number): void {
    this.pending.push({ seq, dirX, dirY, at: now });
    this.dirX = dirX;
    this.dirY = dirY;
    this.anchor = undefined;
  }

  /** Advances the prediction by dt seconds (walls from the map) and blends in part of any pending correction. */
  step(dt: number, now: number, map: ZoneMap | undefined, canMove: boolean): void {
    if (canMove && (this.dirX !== 0 || this.dirY !== 0)) {
      const dx = this.dirX * this.speed * dt;
      const dy = this.dirY * this.speed * dt;
      const next = map ? map.move(this.x, this.y, dx, dy) : { x: this.x + dx, y: this.y + dy };
      this.x = next.x;
      this.y = next.y;
    }
    if (this.errX !== 0 || this.errY !== 0) {
      const k = 1 - Math.exp(-dt * 12);
      const ax = this.errX * k;
      const ay = this.errY * k;
      this.x += ax;
      this.y += ay;
      this.errX -= ax;
      this.errY -= ay;
      this.shiftHistory(ax, ay);
      if (Math.abs(this.errX) < 0.001 && Math.abs(this.errY) < 0.001) {
        this.errX = 0;
        this.errY = 0;
      }
    }
    this.history.push({ t: now, x: this.x, y: this.y });
    while (this.history.length > 2 && this.history[0].t < now - 2000) {
      this.history.shift();
    }
  }

  /**
   * The server's position of the character in a delta of tick `tick` that acknowledges input `ack`. Returns the
   * size of the error found (0 when the prediction agreed).
   */
  reconcile(serverX: number, serverY: number, ack: number, tick: number, now: number): number {
    if (ack > this.lastAck) {
      const acked = this.pending.find((p) => p.seq === ack);
      if (acked) {
        this.roundTrip += (now - acked.at - this.roundTrip) * 0.25;
      }
      this.lastAck = ack;
      while (this.pending.length > 0 && this.pending[0].seq <= ack) {
        this.pending.shift();
      }
    }
    this.learnSpeed(serverX, serverY, ack, tick);

    // Where the prediction was when the server stood where it says: one round trip ago, less the tick it walked.
    const then = this.positionAt(now - Math.max(0, this.roundTrip - this.tickMs));
    const ex = serverX - then.x;
    const ey = serverY - then.y;
    const error = Math.hypot(ex, ey);
    const tolerance = 0.1 + this.speed * 0.04;
    if (error <= tolerance) {
      return 0;
    }
    this.corrections++;
    if (error > 3 + this.speed * 0.25) {
      this.snap(serverX + (this.x - then.x), serverY + (this.y - then.y), now);
    } else {
      this.errX = ex;
      this.errY = ey;
    }
    return error;
  }

  /** The server stopped the character (wall or edge) at this position. */
  correct(x: number, y: number, now: number): void {
    this.corrections++;
    this.snap(x, y, now);
  }

  private snap(x: number, y: number, now: number): void {
    this.x = x;
    this.y = y;
    this.errX = 0;
    this.errY = 0;
    this.history.length = 0;
    this.history.push({ t: now, x, y });
  }

  private shiftHistory(dx: number, dy: number): void {
    for (const h of this.history) {
      h.x += dx;
      h.y += dy;
    }
  }

  private positionAt(t: number): { x: number; y: number } {
    const h = this.history;
    if (h.length === 0) {
      return { x: this.x, y: this.y };
    }
    if (t <= h[0].t) {
      return { x: h[0].x, y: h[0].y };
    }
    for (let i = 1; i < h.length; i++) {
      if (t <= h[i].t) {
        const a = h[i - 1];
        const b = h[i];
        const f = b.t === a.t ? 1 : (t - a.t) / (b.t - a.t);
        return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      }
    }
    const last = h[h.length - 1];
    return { x: last.x, y: last.y };
  }

  // The server walks at World:PlayerSpeed, which the client is not told: measure it over half a second of steady
  // walking (one acknowledged input), long enough that the 1/16-unit quantization hardly matters. Walls only ever
  // shorten a measurement, so the largest recent one is taken.
  private learnSpeed(x: number, y: number, ack: number, tick: number): void {
    const length = Math.hypot(this.dirX, this.dirY);
    if (this.pending.length > 0 || length < 0.5) {
      this.anchor = undefined;
      return;
    }
    if (!this.anchor || this.anchor.ack !== ack) {
      this.anchor = { tick, x, y, ack };
      return;
    }
    const ticks = tick - this.anchor.tick;
    if (ticks < 10) {
      return;
    }
    const sample = Math.hypot(x - this.anchor.x, y - this.anchor.y) / ((ticks * this.tickMs) / 1000) / length;
    this.anchor = { tick, x, y, ack };
    if (sample > 0.5) {
      this.speedSamples.push(sample);
      if (this.speedSamples.length > 5) {
        this.speedSamples.shift();
      }
      this.speed = Math.max(...this.speedSamples);
    }
  }
}
