// window.sunderfall: a read-only snapshot of what the client shows, for browser tests and debugging. It copies
// state out; nothing in it can change the game or reach the server.
import type { App } from "./app";

export function installTestHooks(app: App): void {
  const hooks = {
    get state() {
      const game = app.game;
      const world = game?.world;
      const now = performance.now();
      const self = world ? world.positionOf(world.selfNetId, now) : undefined;
      return structuredClone({
        screen: app.screen,
        connection: app.connection?.state ?? "disconnected",
        account: app.session?.username ?? null,
        inWorld: game?.inWorld ?? false,
        character: game?.character ? { id: game.character.id, name: game.character.name, class: game.character.class } : null,
        zone: world?.zone ? { zoneId: world.zone.zoneId, template: world.zone.template } : null,
        selfNetId: world?.selfNetId ?? -1,
        self: self ? { x: self.x, y: self.y } : null,
        selfServer: world?.self ? { x: world.self.x, y: world.self.y } : null,
        speed: world?.predictor.speed ?? 0,
        corrections: world?.predictor.corrections ?? 0,
        deltas: world?.deltas ?? 0,
        entities: world ? world.view.all() : [],
        visibleNames: game?.renderer.drawnNames ?? [],
        target: world && world.targetNetId ? { netId: world.targetNetId, name: world.nameOf(world.targetNetId) } : null,
        vitals: world?.vitals ?? null,
        cooldowns: world ? [...world.cooldowns.keys()] : [],
        sheet: game?.inventory.sheet ?? null,
        party: game?.party.party ?? null,
        invite: game?.party.invite ?? null,
        chat: game?.chat.lines ?? [],
        combatLog: world?.combatLog ?? [],
        errors: game?.errors ?? [],
        sounds: app.sounds.played,
      });
    },
    /** Where an entity is drawn, in CSS pixels relative to the canvas (for clicking it), or null. */
    screenOf(name: string): { x: number; y: number } | null {
      const game = app.game;
      const world = game?.world;
      if (!game || !world) {
        return null;
      }
      for (const e of world.entities.values()) {
        if (e.name === name) {
          const p = world.positionOf(e.netId, performance.now());
          return p ? game.renderer.toScreen(p.x, p.y) : null;
        }
      }
      return null;
    },
  };
  Object.defineProperty(window, "sunderfall", { value: Object.freeze(hooks), writable: false, configurable: false });
}
