// Remote entities are drawn a little in the past, between two positions the server sent, so their motion is smooth
// although snapshots come only when something changed: 10 a second, and on each tick that answers one of the
// player's own inputs.

/** How far behind the newest snapshot remote entities are drawn: one 10 Hz interval and half of one for jitter. */
export const INTERPOLATION_DELAY_MS = 150;

/** The tick length assumed until a zone says its own (ZoneEntered.tickMilliseconds; older servers do not). */
export const DEFAULT_TICK_MS = 50;

/** A zone's tick length in ms: the one it announced, or the default when it announced none. */
export function tickOf(announced: number | undefined): number {
  return announced !== undefined && Number.isFinite(announced) && announced > 0 ? announced : DEFAULT_TICK_MS;
}

interface Sample {
  t: number;
  x: number;
  y: number;
}

/** The positions of one entity on the zone's clock (tick × the zone's tick length), newest last. */
export class Interpolator {
  private readonly samples: Sample[] = [];

  constructor(t: number, x: number, y: number) {
    this.samples.push({ t, x, y });
  }

  /**
   * Adds the position at server time t. `stillAt` is the time of the message before this one: that message did not
   * move the entity, so it stood at its last position until then and walked here after it. Without it, an entity
   * that stood still keeps its place until one tick before it moved.
   */
  push(t: number, x: number, y: number, stillAt: number): void {
    const last = this.samples[this.samples.length - 1];
    if (t <= last.t) {
      last.x = x;
      last.y = y;
      return;
    }
    if (stillAt > last.t && stillAt < t) {
      this.samples.push({ t: stillAt, x: last.x, y: last.y });
    }
    this.samples.push({ t, x, y });
    // A second of history is plenty for a 100 ms delay.
    while (this.samples.length > 2 && this.samples[1].t < t - 1000) {
      this.samples.shift();
    }
  }

  /** Jumps without interpolation (a respawn, a portal). */
  snap(t: number, x: number, y: number): void {
    this.samples.length = 0;
    this.samples.push({ t, x, y });
  }

  get latest(): { x: number; y: number } {
    const last = this.samples[this.samples.length - 1];
    return { x: last.x, y: last.y };
  }

  /** The position at server time t: interpolated between the samples around it, clamped to the oldest and newest. */
  at(t: number): { x: number; y: number } {
    const s = this.samples;
    if (t <= s[0].t) {
      return { x: s[0].x, y: s[0].y };
    }
    for (let i = 1; i < s.length; i++) {
      if (t <= s[i].t) {
        const a = s[i - 1];
        const b = s[i];
        const f = (t - a.t) / (b.t - a.t);
        return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      }
    }
    const last = s[s.length - 1];
    return { x: last.x, y: last.y };
  }
}

/**
 * Maps the local clock to the server's tick clock from the deltas' arrival times: the smallest observed offset
 * (the least delayed delta) is taken at once, larger ones are approached slowly, so jitter does not shake the view.
 */
export class ServerClock {
  private offset: number | undefined;
  private tickMs = DEFAULT_TICK_MS;

  /** The zone's tick length; a change starts the clock over (tick numbers now mean other times). */
  setTick(tickMs: number): void {
    if (tickMs !== this.tickMs) {
      this.tickMs = tickMs;
      this.offset = undefined;
    }
  }

  observe(tick: number, localNow: number): void {
    const offset = localNow - tick * this.tickMs;
    if (this.offset === undefined || offset < this.offset || offset - this.offset > 1000) {
      this.offset = offset;
    } else {
      this.offset += (offset - this.offset) * 0.01;
    }
  }

  /** Server time (ms) now, or undefined before the first delta. */
  now(localNow: number): number | undefined {
    return this.offset === undefined ? undefined : localNow - this.offset;
  }

  reset(): void {
    this.offset = undefined;
  }
}
