import { describe, expect, test } from "vitest";
import { MalformedPayloadError, WorldView } from "../src/protocol/worldView";
import fixture from "./fixtures/world-deltas.json";

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const sorted = (view: WorldView) => view.all().sort((a, b) => a.netId - b.netId);

// A spawn of net id 5, a player named "A" at (1, 2) units with 10 of 20 health, in a payload of its own.
const spawnA = bytes(0x05, 1, 5, 0, 1, 0x41, 32, 64, 20, 40);

describe("WorldView (port of Sunderfall.Protocol.Sync.WorldView)", () => {
  test("applying the C# DeltaEncoder's payloads in order reconstructs exactly the server's view", () => {
    const view = new WorldView();
    for (const step of fixture) {
      view.apply(fromBase64(step.payload));
      expect(sorted(view), step.note).toEqual(step.entities);
    }
  });

  test("a spawn payload reports the entity with its position in units", () => {
    const view = new WorldView();
    const changes = view.apply(spawnA);
    expect(changes.wasReset).toBe(true);
    expect(changes.spawned).toEqual([{ netId: 5, kind: 0, name: "A", x: 1, y: 2, health: 10, maxHealth: 20 }]);
  });

  test("an update moves by deltas and changes health, reporting before and after", () => {
    const view = new WorldView();
    view.apply(spawnA);
    // update of net id 5 with both masks: (5 << 2 | 3) = 23; dx +16 (zz 32), dy -8 (zz 15); dHealth -3 (zz 5) << 1 = 10.
    const changes = view.apply(bytes(0x08, 1, 23, 32, 15, 10));
    expect(changes.updated).toHaveLength(1);
    expect(changes.updated[0].previous.x).toBe(1);
    expect(view.get(5)).toEqual({ netId: 5, kind: 0, name: "A", x: 2, y: 1.5, health: 7, maxHealth: 20 });
  });

  test("the single byte 0x00 changes nothing", () => {
    const view = new WorldView();
    view.apply(spawnA);
    const changes = view.apply(bytes(0));
    expect(changes).toEqual({ wasReset: false, spawned: [], updated: [], despawned: [] });
    expect(view.count).toBe(1);
  });

  test("a despawn and a spawn of the same net id in one payload swap the entity", () => {
    const view = new WorldView();
    view.apply(spawnA);
    const changes = view.apply(bytes(0x06, 1, 5, 1, 5, 1, 1, 0x42, 0, 0, 2, 2));
    expect(changes.despawned.map((e) => e.name)).toEqual(["A"]);
    expect(view.get(5)?.name).toBe("B");
    expect(view.get(5)?.kind).toBe(1);
  });

  test.each([
    ["an empty payload", bytes(), /empty/],
    ["unknown header bits", bytes(0x10), /header 0x10/],
    ["a truncated spawn", bytes(0x05, 1, 5, 0, 1), /ends while reading/],
    ["a count larger than the bytes left", bytes(0x02, 9, 1), /more than/],
    ["a zero count", bytes(0x02, 0), /is 0/],
    ["a varint not in its shortest form", bytes(0x02, 1, 0x85, 0x00), /shortest form/],
    ["a varint of more than 64 bits", bytes(0x02, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02), /overflows 64 bits/],
    ["an unknown entity kind", bytes(0x05, 1, 5, 3, 1, 0x41, 0, 0, 0, 0), /unknown entity kind 3/],
    ["invalid UTF-8 in a name", bytes(0x05, 1, 5, 0, 1, 0xff, 0, 0, 0, 0), /UTF-8/],
    ["a despawn of an unknown net id", bytes(0x02, 1, 9), /does not know/],
    ["an update of an unknown net id", bytes(0x08, 1, 37, 2, 0), /does not know/],
    ["trailing bytes", bytes(0x00, 0x00), /1 bytes follow/],
    ["a coordinate outside 32 bits", bytes(0x05, 1, 6, 0, 1, 0x43, 0x80, 0x80, 0x80, 0x80, 0x10, 0, 0, 0), /32-bit range/],
  ])("%s is refused as malformed", (_name, payload, message) => {
    const view = new WorldView();
    expect(() => view.apply(payload)).toThrowError(message);
    expect(() => view.apply(payload)).toThrowError(MalformedPayloadError);
  });

  test("a refused payload leaves the view exactly as it was", () => {
    const view = new WorldView();
    view.apply(spawnA);
    // A valid move of net id 5 followed by the despawn of an unknown one: nothing may change.
    expect(() => view.apply(bytes(0x0a, 1, 9, 1, 21, 32, 0))).toThrow(MalformedPayloadError);
    expect(view.get(5)).toEqual({ netId: 5, kind: 0, name: "A", x: 1, y: 2, health: 10, maxHealth: 20 });
  });

  test("spawning a net id the view already has is refused", () => {
    const view = new WorldView();
    view.apply(spawnA);
    expect(() => view.apply(bytes(0x04, 1, 5, 0, 1, 0x41, 0, 0, 0, 0))).toThrowError(/already has/);
  });

  test("updating the same entity twice in one payload is refused", () => {
    const view = new WorldView();
    view.apply(spawnA);
    expect(() => view.apply(bytes(0x08, 2, 21, 2, 0, 21, 2, 0))).toThrowError(/or twice/);
  });
});
