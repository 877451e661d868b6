// A WorldDelta that does not apply means the client's view went wrong. It is dropped and the connection restarted:
// the restart runs the reconnect listeners, which enter the world again, and the server starts the new connection
// from a full snapshot.
import type { WorldDelta } from "../protocol/wire";
import { MalformedPayloadError } from "../protocol/worldView";
import type { World } from "./world";

/** Applies the delta; when its payload does not apply, records why, clears the view, restarts and returns false. */
export function applyOrResync(
  world: World,
  delta: WorldDelta,
  now: number,
  restart: () => Promise<void>,
  errors: string[],
): boolean {
  try {
    world.applyDelta(delta, now);
    return true;
  } catch (e) {
    if (!(e instanceof MalformedPayloadError)) {
      throw e;
    }
    errors.push(e.message);
    world.view.clear();
    void restart();
    return false;
  }
}
