// Draws the zone around the own character on a canvas: tiles, portals, entities with names and health bars, the
// target ring and floating combat numbers. Anything off the screen is skipped.
import { EntityKind } from "../protocol/worldView";
import type { World } from "./world";

const colors = {
  background: "#10141a",
  floor: "#27362a",
  floorAlt: "#2b3b2e",
  wall: "#5a5650",
  wallEdge: "#77726a",
  self: "#4da3ff",
  player: "#8fd6ff",
  monster: "#e05a47",
  npc: "#e0c847",
  dead: "#777777",
  portal: "#b57bff",
  target: "#ffd34d",
};

/** How far past the canvas edge an entity may stand and still be drawn (its name and health bar reach in). */
export const OFF_SCREEN_MARGIN = 60;

/** Whether a point in canvas pixels is on a canvas of this size or within `margin` of it: what is not, is not drawn. */
export function onScreen(point: { x: number; y: number }, width: number, height: number, margin = OFF_SCREEN_MARGIN): boolean {
  return point.x >= -margin && point.y >= -margin && point.x <= width + margin && point.y <= height + margin;
}

export class Renderer {
  /** Pixels per world unit. */
  scale = 8;
  private centerX = 0;
  private centerY = 0;
  /** Names of the entities drawn in the last frame (off-screen ones are not). */
  drawnNames: string[] = [];

  constructor(private readonly canvas: HTMLCanvasElement) {}

  toScreen(x: number, y: number): { x: number; y: number } {
    return {
      x: (x - this.centerX) * this.scale + this.canvas.width / 2,
      y: (y - this.centerY) * this.scale + this.canvas.height / 2,
    };
  }

  toWorld(px: number, py: number): { x: number; y: number } {
    return {
      x: (px - this.canvas.width / 2) / this.scale + this.centerX,
      y: (py - this.canvas.height / 2) / this.scale + this.centerY,
    };
  }

  /** The entity under a canvas point (within a generous radius), or 0. */
  entityAt(world: World, px: number, py: number, now: number): number {
    let best = 0;
    let bestDistance = Math.max(14, this.scale * 1.2);
    for (const e of world.entities.values()) {
      const p = world.positionOf(e.netId, now);
      if (!p) {
        continue;
      }
      const s = this.toScreen(p.x, p.y);
      const d = Math.hypot(s.x - px, s.y - py);
      if (d < bestDistance) {
        bestDistance = d;
        best = e.netId;
      }
    }
    return best;
  }

  draw(world: World, now: number): void {
    const canvas = this.canvas;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) {
      return;
    }
    const viewRadius = world.zone?.viewRadius ?? 60;
    this.scale = Math.max(4, Math.min(width, height) / (viewRadius * 1.5));
    const self = world.positionOf(world.selfNetId, now);
    if (self) {
      this.centerX = self.x;
      this.centerY = self.y;
    }

    ctx.fillStyle = colors.background;
    ctx.fillRect(0, 0, width, height);
    this.drawTiles(ctx, world, width, height);
    this.drawPortals(ctx, world);
    if (self) {
      const s = this.toScreen(self.x, self.y);
      ctx.strokeStyle = "rgba(255,255,255,0.06)";
      ctx.beginPath();
      ctx.arc(s.x, s.y, viewRadius * this.scale, 0, Math.PI * 2);
      ctx.stroke();
    }
    this.drawEntities(ctx, world, now, width, height);
    this.drawFloaters(ctx, world, now);
  }

  private drawTiles(ctx: CanvasRenderingContext2D, world: World, width: number, height: number): void {
    const map = world.map;
    if (!map) {
      return;
    }
    const size = map.tileSize;
    const topLeft = this.toWorld(0, 0);
    const bottomRight = this.toWorld(width, height);
    const c0 = Math.max(0, Math.floor(topLeft.x / size));
    const r0 = Math.max(0, Math.floor(topLeft.y / size));
    const c1 = Math.min(map.columns - 1, Math.floor(bottomRight.x / size));
    const r1 = Math.min(map.rows - 1, Math.floor(bottomRight.y / size));
    const px = size * this.scale;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const s = this.toScreen(c * size, r * size);
        if (map.isWall(c, r)) {
          ctx.fillStyle = colors.wall;
          ctx.fillRect(s.x, s.y, px + 0.5, px + 0.5);
          ctx.strokeStyle = colors.wallEdge;
          ctx.strokeRect(s.x + 0.5, s.y + 0.5, px - 1, px - 1);
        } else {
          ctx.fillStyle = (r + c) % 2 === 0 ? colors.floor : colors.floorAlt;
          ctx.fillRect(s.x, s.y, px + 0.5, px + 0.5);
        }
      }
    }
    const origin = this.toScreen(0, 0);
    ctx.strokeStyle = "#000";
    ctx.lineWidth = 2;
    ctx.strokeRect(origin.x, origin.y, map.width * this.scale, map.height * this.scale);
    ctx.lineWidth = 1;
  }

  private drawPortals(ctx: CanvasRenderingContext2D, world: World): void {
    for (const portal of world.map?.portals ?? []) {
      const s = this.toScreen(portal.x, portal.y);
      const r = Math.max(6, portal.radius * this.scale);
      if (!onScreen(s, this.canvas.width, this.canvas.height, r)) {
        continue;
      }
      ctx.fillStyle = "rgba(181,123,255,0.35)";
      ctx.strokeStyle = colors.portal;
      ctx.beginPath();
      ctx.arc(s.x, s.y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = colors.portal;
      ctx.font = "12px sans-serif";
      ctx.textAlign = "center";
      ctx.fillText(`→ ${portal.targetZone}`, s.x, s.y - r - 4);
    }
  }

  private drawEntities(ctx: CanvasRenderingContext2D, world: World, now: number, width: number, height: number): void {
    const drawn: string[] = [];
    const radius = Math.max(6, this.scale * 0.7);
    for (const e of world.entities.values()) {
      const p = world.positionOf(e.netId, now);
      if (!p) {
        continue;
      }
      const s = this.toScreen(p.x, p.y);
      if (!onScreen(s, width, height)) {
        continue;
      }
      drawn.push(e.name);
      const isSelf = e.netId === world.selfNetId;
      const alive = e.health > 0;
      ctx.fillStyle = !alive ? colors.dead
        : isSelf ? colors.self
        : e.kind === EntityKind.player ? colors.player
        : e.kind === EntityKind.monster ? colors.monster
        : colors.npc;
      ctx.beginPath();
      if (e.kind === EntityKind.monster) {
        ctx.moveTo(s.x, s.y - radius);
        ctx.lineTo(s.x + radius, s.y);
        ctx.lineTo(s.x, s.y + radius);
        ctx.lineTo(s.x - radius, s.y);
        ctx.closePath();
      } else {
        ctx.arc(s.x, s.y, radius, 0, Math.PI * 2);
      }
      ctx.fill();
      if (e.netId === world.targetNetId) {
        ctx.strokeStyle = colors.target;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(s.x, s.y, radius + 5, 0, Math.PI * 2);
        ctx.stroke();
        ctx.lineWidth = 1;
      }

      const barWidth = Math.max(30, radius * 4);
      // Monsters are labelled below and characters above, so a player beside a monster keeps both names readable.
      const below = e.kind === EntityKind.monster;
      const barY = below ? s.y + radius + 6 : s.y - radius - 10;
      const fraction = e.maxHealth > 0 ? Math.max(0, Math.min(1, e.health / e.maxHealth)) : 0;
      ctx.fillStyle = "#300";
      ctx.fillRect(s.x - barWidth / 2, barY, barWidth, 4);
      ctx.fillStyle = fraction > 0.5 ? "#4caf50" : fraction > 0.25 ? "#e0b03a" : "#e04a3a";
      ctx.fillRect(s.x - barWidth / 2, barY, barWidth * fraction, 4);
      ctx.fillStyle = isSelf ? "#cfe6ff" : "#eeeeee";
      ctx.font = "12px sans-serif";
      ctx.textAlign = "center";
      ctx.fillText(e.name, s.x, below ? barY + 16 : barY - 4);
    }
    this.drawnNames = drawn;
  }

  private drawFloaters(ctx: CanvasRenderingContext2D, world: World, now: number): void {
    const life = 1200;
    for (let i = world.floaters.length - 1; i >= 0; i--) {
      const f = world.floaters[i];
      const age = now - f.born;
      if (age > life) {
        world.floaters.splice(i, 1);
        continue;
      }
      const s = this.toScreen(f.x, f.y);
      ctx.globalAlpha = 1 - age / life;
      ctx.fillStyle = f.color;
      ctx.font = "bold 16px sans-serif";
      ctx.textAlign = "center";
      ctx.fillText(f.text, s.x, s.y - 24 - (age / life) * 30);
      ctx.globalAlpha = 1;
    }
  }
}
