import { HubConnectionState } from "@microsoft/signalr";
import { describe, expect, test } from "vitest";
import { applyOrResync } from "../src/game/resync";
import { World } from "../src/game/world";
import { GameConnection, type Hub } from "../src/net/gameConnection";
import { Methods, type WorldDelta } from "../src/protocol/wire";

/** A hub that connects at once and records what it was asked; stop() runs the close callbacks like the real one. */
class FakeHub implements Hub {
  state = HubConnectionState.Disconnected;
  starts = 0;
  stops = 0;
  readonly invoked: string[] = [];
  private readonly closed: ((error?: Error) => void)[] = [];

  on(): void {}
  onreconnecting(): void {}
  onreconnected(): void {}
  onclose(callback: (error?: Error) => void): void {
    this.closed.push(callback);
  }

  async start(): Promise<void> {
    this.starts++;
    await Promise.resolve();
    this.state = HubConnectionState.Connected;
  }

  // Closes before returning, as the real hub does when stopped while reconnecting: the hardest case for a restart.
  stop(): Promise<void> {
    this.stops++;
    this.state = HubConnectionState.Disconnected;
    this.closed.forEach((c) => c());
    return Promise.resolve();
  }

  async invoke<T>(method: string): Promise<T> {
    this.invoked.push(method);
    return { ok: true, value: null } as T;
  }

  async send(): Promise<void> {}
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const delta = (tick: number, payload: Uint8Array): WorldDelta => ({ zoneId: "yard/1", tick, ackInput: 0, selfNetId: 5, payload });
// Spawns net id 5 (player "A" at (1, 2)); then an update of net id 9, which the view never heard of.
const spawn = delta(1, bytes(0x05, 1, 5, 0, 1, 0x41, 32, 64, 20, 40));
const updateOfUnknown = delta(2, bytes(0x08, 1, 37, 2, 0));

async function connectedGame(): Promise<{ hub: FakeHub; connection: GameConnection; world: World; states: string[] }> {
  const hub = new FakeHub();
  const connection = new GameConnection(hub);
  await connection.start();
  // As GameScreen does: every connection that comes back enters the world again.
  connection.onReconnected(() => void connection.invoke(Methods.enterWorld, "character-id"));
  const states: string[] = [];
  connection.onState((s) => states.push(s));
  const world = new World(undefined, () => undefined);
  return { hub, connection, world, states };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("a world update that does not apply", () => {
  test("restarts the connection, and the new connection enters the world again", async () => {
    const { hub, connection, world, states } = await connectedGame();
    const errors: string[] = [];
    expect(applyOrResync(world, spawn, 0, () => connection.restart(), errors)).toBe(true);

    expect(applyOrResync(world, updateOfUnknown, 50, () => connection.restart(), errors)).toBe(false);
    await settled();

    expect(errors).toEqual([expect.stringMatching(/does not know/)]);
    expect(world.view.count).toBe(0);
    expect([hub.stops, hub.starts]).toEqual([1, 2]);
    expect(hub.invoked).toEqual([Methods.enterWorld]);
    expect(states).toEqual(["reconnecting", "connected"]);
    expect(connection.state).toBe("connected");
  });

  test("several bad updates in a row restart the connection once", async () => {
    const { hub, connection, world } = await connectedGame();
    const errors: string[] = [];

    applyOrResync(world, updateOfUnknown, 0, () => connection.restart(), errors);
    applyOrResync(world, updateOfUnknown, 50, () => connection.restart(), errors);
    await settled();

    expect(errors).toHaveLength(2);
    expect([hub.stops, hub.starts]).toEqual([1, 2]);
    expect(hub.invoked).toEqual([Methods.enterWorld]);
  });

  test("a stopped connection (signing out) does not come back by itself", async () => {
    const { hub, connection } = await connectedGame();

    await connection.stop();
    await settled();

    expect([hub.stops, hub.starts]).toEqual([1, 1]);
    expect(hub.invoked).toEqual([]);
    expect(connection.state).toBe("closed");
  });
});
