import { describe, expect, test } from "vitest";
import { DEFAULT_TICK_MS, Interpolator, ServerClock, tickOf } from "../src/game/interpolation";
import { Predictor } from "../src/game/prediction";
import { ZoneMap } from "../src/game/zoneMap";

const map = new ZoneMap({
  id: "yard", name: "Yard", tileSize: 10, width: 30, height: 30, portals: [],
  tiles: ["...", ".#.", "..."],
});

describe("own movement prediction", () => {
  test("an input moves the character at once, at the walking speed", () => {
    const p = new Predictor();
    p.reset(5, 5, 0);
    p.input(1, 1, 0, 0);
    p.step(1, 1000, map, true);
    expect(p.x).toBeCloseTo(10);
    expect(p.y).toBe(5);
  });

  test("walls stop the prediction at their edge, as on the server", () => {
    const p = new Predictor();
    p.reset(5, 15, 0);
    p.input(1, 1, 0, 0);
    p.step(2, 2000, map, true);
    expect(p.x).toBeCloseTo(10, 2);
    expect(p.x).toBeLessThan(10);
  });

  test("a server position that agrees with the prediction of one round trip ago changes nothing", () => {
    const p = new Predictor();
    p.reset(0, 15, 0);
    p.roundTrip = 100;
    for (let t = 16; t <= 300; t += 16) {
      p.step(0.016, t, undefined, true);
    }
    p.input(1, 1, 0, 300);
    for (let t = 316; t <= 400; t += 16) {
      p.step(0.016, t, undefined, true);
    }
    const before = p.x;
    // Acknowledged 100 ms after it was sent, the server shows where the prediction was 50 ms ago.
    const error = p.reconcile(0.25, 15, 1, 8, 400);
    expect(error).toBe(0);
    expect(p.x).toBe(before);
  });

  test("a small disagreement is blended in over a few frames", () => {
    const p = new Predictor();
    p.reset(10, 10, 0);
    p.step(0.016, 16, undefined, true);
    expect(p.reconcile(11, 10, -1, 1, 20)).toBeCloseTo(1);
    p.step(0.016, 36, undefined, true);
    expect(p.x).toBeGreaterThan(10);
    expect(p.x).toBeLessThan(11);
    for (let t = 52; t < 1000; t += 16) {
      p.step(0.016, t, undefined, true);
    }
    expect(p.x).toBeCloseTo(11, 2);
  });

  test("a large disagreement snaps, and a Correction puts the character where the server has it", () => {
    const p = new Predictor();
    p.reset(10, 10, 0);
    p.reconcile(40, 10, -1, 1, 10);
    expect(p.x).toBeCloseTo(40);
    p.correct(3, 4, 20);
    expect([p.x, p.y]).toEqual([3, 4]);
  });

  test("the walking speed is learned from the server's positions while an acknowledged input holds", () => {
    const p = new Predictor();
    p.reset(0, 0, 0);
    p.input(1, 1, 0, 0);
    for (let tick = 1; tick <= 22; tick++) {
      // The server walks 50 units/s: 2.5 units per tick.
      p.reconcile(tick * 2.5, 0, 1, tick, tick * DEFAULT_TICK_MS);
    }
    expect(p.speed).toBeCloseTo(50, 1);
  });

  test("the walking speed is learned on the zone's own tick length", () => {
    const p = new Predictor();
    p.tickMs = 100 / 3;
    p.reset(0, 0, 0);
    p.input(1, 1, 0, 0);
    for (let tick = 1; tick <= 33; tick++) {
      // 30 ticks a second: the same 50 units/s is 5/3 units per tick.
      p.reconcile((tick * 5) / 3, 0, 1, tick, tick * p.tickMs);
    }
    expect(p.speed).toBeCloseTo(50, 1);
  });
});

describe("interpolation of other entities", () => {
  test("positions between two snapshots are interpolated", () => {
    const track = new Interpolator(0, 0, 0);
    track.push(50, 10, 0, 0);
    expect(track.at(25)).toEqual({ x: 5, y: 0 });
    expect(track.at(80)).toEqual({ x: 10, y: 0 });
  });

  test("an entity that stood still starts moving one tick before its next snapshot, not from its old one", () => {
    const track = new Interpolator(0, 0, 0);
    track.push(1000, 1, 0, 950);
    expect(track.at(900)).toEqual({ x: 0, y: 0 });
    expect(track.at(975).x).toBeCloseTo(0.5);
  });

  test("an entity sent every other tick walks steadily between its snapshots, without stopping at each", () => {
    const track = new Interpolator(0, 0, 0);
    track.push(100, 10, 0, 0);
    track.push(200, 20, 0, 100);
    expect(track.at(50).x).toBeCloseTo(5);
    expect(track.at(150).x).toBeCloseTo(15);
  });

  test("an entity that stood through earlier snapshots starts moving at the last one that did not move it", () => {
    const track = new Interpolator(0, 0, 0);
    track.push(1000, 10, 0, 900);
    expect(track.at(900)).toEqual({ x: 0, y: 0 });
    expect(track.at(950).x).toBeCloseTo(5);
  });

  test("the server clock follows the least delayed delta", () => {
    const clock = new ServerClock();
    clock.observe(100, 10_000);
    clock.observe(101, 10_080);
    clock.observe(102, 10_090);
    expect(clock.now(10_090)).toBe(102 * DEFAULT_TICK_MS);
  });

  test("the server clock counts the zone's announced tick, and an unannounced one as the default", () => {
    const clock = new ServerClock();
    clock.setTick(tickOf(100 / 3));
    clock.observe(300, 10_000);
    expect(clock.now(10_000)).toBeCloseTo(10_000);
    expect(tickOf(undefined)).toBe(DEFAULT_TICK_MS);
    expect(tickOf(0)).toBe(DEFAULT_TICK_MS);
    expect(tickOf(Number.NaN)).toBe(DEFAULT_TICK_MS);
  });
});
