import { describe, expect, test } from "vitest";
import { OFF_SCREEN_MARGIN, Renderer, onScreen } from "../src/game/renderer";
import { World } from "../src/game/world";

// A WorldDelta payload that resets the view and spawns these entities (docs/protocol.md, "The WorldDelta payload").
interface Spawn { netId: number; kind: number; name: string; x: number; y: number }
function spawnPayload(spawns: Spawn[]): Uint8Array {
  const out: number[] = [0x05];
  const varint = (v: number): void => {
    for (; v >= 0x80; v = Math.floor(v / 128)) {
      out.push((v % 128) | 0x80);
    }
    out.push(v);
  };
  const zz = (v: number): void => varint(v >= 0 ? v * 2 : -v * 2 - 1);
  varint(spawns.length);
  for (const s of spawns) {
    varint(s.netId);
    out.push(s.kind);
    const name = new TextEncoder().encode(s.name);
    varint(name.length);
    out.push(...name);
    zz(s.x * 16);
    zz(s.y * 16);
    zz(100);
    zz(100);
  }
  return Uint8Array.from(out);
}

/** An 800 x 600 canvas whose 2D context draws nothing and records the texts written (names among them). */
function fakeCanvas(): { canvas: HTMLCanvasElement; texts: string[] } {
  const texts: string[] = [];
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) => key in target ? target[key] : key === "fillText" ? (text: string) => texts.push(text) : () => undefined,
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  });
  const canvas = { width: 0, height: 0, clientWidth: 800, clientHeight: 600, getContext: () => context };
  return { canvas: canvas as unknown as HTMLCanvasElement, texts };
}

describe("off-screen culling", () => {
  test.each([
    [{ x: 400, y: 300 }, true],
    [{ x: -OFF_SCREEN_MARGIN, y: 0 }, true],
    [{ x: 800 + OFF_SCREEN_MARGIN, y: 600 + OFF_SCREEN_MARGIN }, true],
    [{ x: -OFF_SCREEN_MARGIN - 1, y: 300 }, false],
    [{ x: 400, y: 600 + OFF_SCREEN_MARGIN + 1 }, false],
    [{ x: 5000, y: -5000 }, false],
  ])("a point at %o is on an 800 x 600 canvas (with its margin): %s", (point, expected) => {
    expect(onScreen(point, 800, 600)).toBe(expected);
  });

  test("the renderer draws the entities around the own character and not those beyond the screen's edge", () => {
    const world = new World(undefined, () => undefined);
    const payload = spawnPayload([
      { netId: 1, kind: 0, name: "Me", x: 100, y: 100 },
      { netId: 2, kind: 1, name: "Near Wolf", x: 120, y: 110 },
      { netId: 3, kind: 0, name: "Far Friend", x: 400, y: 100 },
      { netId: 4, kind: 1, name: "Far Wolf", x: 100, y: 20 },
    ]);
    world.applyDelta({ zoneId: "yard/1", tick: 1, ackInput: 0, selfNetId: 1, payload }, 0);
    const { canvas, texts } = fakeCanvas();
    const renderer = new Renderer(canvas);

    renderer.draw(world, 16);

    // The view is centred on "Me" at 6.7 pixels a unit: 300 units east and 80 north are well past the edges.
    expect(world.entities.size).toBe(4);
    expect(renderer.drawnNames.sort()).toEqual(["Me", "Near Wolf"]);
    expect(texts).toEqual(expect.arrayContaining(["Me", "Near Wolf"]));
    expect(texts).not.toContain("Far Friend");
    expect(texts).not.toContain("Far Wolf");
    expect(onScreen(renderer.toScreen(400, 100), 800, 600)).toBe(false);
  });
});
