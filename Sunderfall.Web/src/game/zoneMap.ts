// A zone's tiles as the client draws them and predicts its own collisions with them; the movement rule is a port of
// the server's CollisionMap.Move (axis by axis, sub-steps of half a tile, stop at the shared edge of a wall).
import type { PortalInfo, ZoneMapInfo } from "../protocol/wire";

const skin = 0.001;

export class ZoneMap {
  readonly columns: number;
  readonly rows: number;
  readonly tileSize: number;
  readonly width: number;
  readonly height: number;
  readonly portals: PortalInfo[];
  readonly name: string;
  private readonly walkable: boolean[];

  constructor(readonly info: ZoneMapInfo) {
    this.rows = info.tiles.length;
    this.columns = this.rows > 0 ? info.tiles[0].length : 0;
    this.tileSize = info.tileSize > 0 ? info.tileSize : 10;
    this.width = this.columns * this.tileSize;
    this.height = this.rows * this.tileSize;
    this.portals = info.portals ?? [];
    this.name = info.name;
    this.walkable = [];
    for (const line of info.tiles) {
      for (let c = 0; c < this.columns; c++) {
        this.walkable.push(line[c] === ".");
      }
    }
  }

  /** A map without tiles (content unavailable): all floor, so prediction still works. */
  static open(width: number, height: number, name: string): ZoneMap {
    const tileSize = 10;
    const columns = Math.max(1, Math.ceil(width / tileSize));
    const rows = Math.max(1, Math.ceil(height / tileSize));
    return new ZoneMap({ id: name, name, tileSize, tiles: Array.from({ length: rows }, () => ".".repeat(columns)), width, height, portals: [] });
  }

  isWall(column: number, row: number): boolean {
    return !this.walkable[row * this.columns + column];
  }

  isWalkable(x: number, y: number): boolean {
    if (!(x >= 0 && x <= this.width && y >= 0 && y <= this.height)) {
      return false;
    }
    return this.walkable[this.rowOf(y) * this.columns + this.columnOf(x)];
  }

  /** Where a point entity starting at (x, y) ends after trying to move by (dx, dy). */
  move(x: number, y: number, dx: number, dy: number): { x: number; y: number } {
    dx = Number.isFinite(dx) ? clamp(dx, -this.width, this.width) : 0;
    dy = Number.isFinite(dy) ? clamp(dy, -this.height, this.height) : 0;
    const maxStep = this.tileSize * 0.5;
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / maxStep));
    const stepX = dx / steps;
    const stepY = dy / steps;
    for (let i = 0; i < steps; i++) {
      if (stepX !== 0) {
        x = this.moveAlongX(x, y, stepX);
      }
      if (stepY !== 0) {
        y = this.moveAlongY(x, y, stepY);
      }
    }
    return { x, y };
  }

  private moveAlongX(x: number, y: number, step: number): number {
    const target = clamp(x + step, 0, this.width);
    if (this.isWalkable(target, y)) {
      return target;
    }
    const column = this.columnOf(x);
    const contact = step > 0 ? Math.max(x, (column + 1) * this.tileSize - skin) : Math.min(x, column * this.tileSize);
    return this.isWalkable(contact, y) ? contact : x;
  }

  private moveAlongY(x: number, y: number, step: number): number {
    const target = clamp(y + step, 0, this.height);
    if (this.isWalkable(x, target)) {
      return target;
    }
    const row = this.rowOf(y);
    const contact = step > 0 ? Math.max(y, (row + 1) * this.tileSize - skin) : Math.min(y, row * this.tileSize);
    return this.isWalkable(x, contact) ? contact : y;
  }

  private columnOf(x: number): number {
    return Math.min(Math.floor(x / this.tileSize), this.columns - 1);
  }

  private rowOf(y: number): number {
    return Math.min(Math.floor(y / this.tileSize), this.rows - 1);
  }
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
