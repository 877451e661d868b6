// Playing one character: enters the world, applies what the server pushes, predicts and draws, and turns keys and
// clicks into hub calls. After a reconnection it enters the world again (the server forgot the connection).
import type { Sounds } from "../audio";
import type { GameConnection } from "../net/gameConnection";
import {
  Events,
  Methods,
  errorName,
  normalize,
  type CharacterInfo,
  type CharacterSheetInfo,
  type ChatMessage,
  type CombatEvents,
  type GameCatalogInfo,
  type MoveCorrection,
  type PartyInfo,
  type PartyInviteInfo,
  type RewardInfo,
  type ServerError,
  type Vitals,
  type WorldDelta,
  type ZoneEntered,
  type ZoneMapInfo,
} from "../protocol/wire";
import { EntityKind } from "../protocol/worldView";
import { byId, el, setBar, setText, show, typing } from "../ui/dom";
import { ChatPanel, InventoryPanel, PartyPanel } from "../ui/panels";
import { Renderer } from "./renderer";
import { applyOrResync } from "./resync";
import { World } from "./world";
import { ZoneMap } from "./zoneMap";

const movementKeys: Record<string, [number, number]> = {
  KeyW: [0, -1], ArrowUp: [0, -1],
  KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0],
  KeyD: [1, 0], ArrowRight: [1, 0],
};

/** Errors after which this connection must not come back by itself. */
const sessionOver = new Set(["SessionReplaced", "SessionEnded", "Kicked"]);

export class GameScreen {
  readonly root = byId("game-screen");
  readonly canvas = byId<HTMLCanvasElement>("world");
  readonly renderer = new Renderer(this.canvas);
  readonly inventory: InventoryPanel;
  readonly party: PartyPanel;
  readonly chat: ChatPanel;
  world: World | undefined;
  character: CharacterInfo | undefined;
  errors: string[] = [];
  /** True once EnterWorld succeeded on the current connection (false while reconnecting and re-entering). */
  inWorld = false;
  private readonly held = new Set<string>();
  private moveSequence = Date.now() * 1000;
  private abilitySequence = Date.now() * 1000;
  private sentDir: [number, number] = [0, 0];
  private running = false;
  private entering = false;
  private lastFrame = 0;
  private lastHud = 0;
  private toastUntil = 0;
  private readonly maps = new Map<string, ZoneMap>();

  constructor(
    private readonly connection: GameConnection,
    private readonly catalog: () => GameCatalogInfo | undefined,
    private readonly sounds: Sounds,
    private readonly ended: (message: string) => void,
  ) {
    const report = (error: ServerError | null | undefined, fallback: string): void => this.toast(error?.message || fallback);
    this.inventory = new InventoryPanel(connection, () => this.world, report);
    this.party = new PartyPanel(connection, report, () => this.character?.id);
    this.chat = new ChatPanel(connection, () => this.canvas.focus());
    this.subscribe();
    connection.onState((state) => {
      if (state !== "connected") {
        this.inWorld = false;
      }
    });
    connection.onReconnected(() => {
      if (this.running) {
        void this.enter().then(() => {
          if (this.inWorld) {
            this.chat.system("connection restored; back in the world");
          }
        });
      }
    });
    window.addEventListener("keydown", (e) => this.keyDown(e));
    window.addEventListener("keyup", (e) => this.keyUp(e));
    window.addEventListener("blur", () => {
      this.held.clear();
      this.sendDirection();
    });
    this.canvas.addEventListener("pointerdown", (e) => this.click(e));
  }

  async start(character: CharacterInfo): Promise<void> {
    this.character = character;
    this.world = new World(this.catalog(), (s) => this.sounds.play(s));
    this.running = true;
    this.inWorld = false;
    this.errors = [];
    show(this.root);
    this.buildAbilityBar();
    this.canvas.focus();
    await this.enter();
    requestAnimationFrame((t) => this.frame(t));
  }

  async stop(): Promise<void> {
    if (!this.running) {
      return;
    }
    this.running = false;
    show(this.root, false);
    await this.connection.invoke<CharacterInfo>(Methods.leaveWorld);
  }

  private async enter(): Promise<void> {
    if (!this.character || this.entering) {
      return;
    }
    this.entering = true;
    try {
      for (let attempt = 0; this.running; attempt++) {
        const result = await this.connection.invoke<ZoneEntered>(Methods.enterWorld, this.character.id);
        if (result.ok && result.value) {
          await this.enterZone(result.value);
          this.inWorld = true;
          break;
        }
        const code = errorName(result.error?.code);
        if (code === "AlreadyInWorld") {
          break;
        }
        if (code !== "Unavailable" || attempt > 30) {
          this.toast(result.error?.message ?? "could not enter the world");
          break;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      const sheet = await this.connection.invoke<CharacterSheetInfo>(Methods.getCharacterSheet);
      if (sheet.ok && sheet.value) {
        this.inventory.render(sheet.value);
      }
      const party = await this.connection.invoke<PartyInfo>(Methods.getParty);
      if (party.ok && party.value) {
        this.party.render(party.value);
      }
      // Keys held through a reconnection keep walking. The input is sent even when it is "stand still": its
      // acknowledgement makes the frontend send this connection its first view at once, even in a zone where
      // nothing moves (otherwise a player entering a quiet zone may wait for the first change around it).
      this.sendDirection(true);
    } finally {
      this.entering = false;
    }
  }

  private async enterZone(zone: ZoneEntered): Promise<void> {
    const world = this.world;
    if (!world) {
      return;
    }
    world.enterZone(zone, await this.mapOf(zone));
    setText(byId("zone-name"), `${world.map?.name ?? zone.template} (${zone.zoneId})`);
  }

  private async mapOf(zone: ZoneEntered): Promise<ZoneMap> {
    const cached = this.maps.get(zone.template);
    if (cached) {
      return cached;
    }
    try {
      const response = await fetch(`/api/content/zones/${encodeURIComponent(zone.template)}`);
      if (response.ok) {
        const map = new ZoneMap(normalize<ZoneMapInfo>(await response.json()));
        this.maps.set(zone.template, map);
        return map;
      }
    } catch {
      // Drawn without tiles below.
    }
    this.toast(`the map of ${zone.template} could not be loaded; walls are not drawn`);
    return ZoneMap.open(zone.width, zone.height, zone.template);
  }

  private subscribe(): void {
    const c = this.connection;
    c.on<WorldDelta>(Events.worldDelta, (delta) => {
      const world = this.world;
      // Deltas still arriving on a connection being restarted belong to the view just dropped.
      if (!world || !this.running || this.connection.state !== "connected") {
        return;
      }
      // A restart runs the reconnect listeners, so the character enters the world again (see the constructor).
      applyOrResync(world, delta, performance.now(), () => this.connection.restart(), this.errors);
    });
    c.on<ZoneEntered>(Events.zoneChanged, (zone) => {
      void this.enterZone(zone).then(() => this.chat.system(`you arrive in ${this.world?.map?.name ?? zone.template}`));
    });
    c.on<MoveCorrection>(Events.correction, (correction) => this.world?.predictor.correct(correction.x, correction.y, performance.now()));
    c.on<CombatEvents>(Events.combat, (combat) => this.world?.applyCombat(combat, performance.now()));
    c.on<Vitals>(Events.vitals, (vitals) => {
      const world = this.world;
      if (!world) {
        return;
      }
      const wasDead = world.vitals?.dead ?? false;
      world.vitals = vitals;
      show(byId("death-overlay"), vitals.dead);
      if (vitals.dead && !wasDead) {
        this.held.clear();
        this.sendDirection();
      }
    });
    c.on<ChatMessage>(Events.chat, (message) => {
      this.chat.add(message);
      if (message.fromId !== this.character?.id) {
        this.sounds.play("chat");
      }
    });
    c.on<PartyInfo>(Events.partyChanged, (party) => this.party.render(party));
    c.on<PartyInviteInfo>(Events.partyInvited, (invite) => {
      this.party.invited(invite);
      this.sounds.play("chat");
    });
    c.on<RewardInfo>(Events.reward, (reward) => {
      const items = reward.items.map((i) => `${this.world?.itemName(i.itemId) ?? i.itemId} ×${i.count}`);
      this.chat.system(`loot: ${reward.experience} experience, ${reward.gold} gold${items.length ? ", " + items.join(", ") : ""}`, "combat");
      const levelBefore = this.inventory.sheet?.level ?? 0;
      if (reward.sheet) {
        this.inventory.render(reward.sheet);
      }
      this.sounds.play(reward.sheet && reward.sheet.level > levelBefore && levelBefore > 0 ? "levelUp" : "loot");
    });
    c.on<CharacterSheetInfo>(Events.sheetChanged, (sheet) => this.inventory.render(sheet));
    c.on<ServerError>(Events.error, (error) => {
      const code = errorName(error.code);
      this.errors.push(`${code}: ${error.message}`);
      if (sessionOver.has(code)) {
        this.running = false;
        show(this.root, false);
        void this.connection.stop();
        this.ended(error.message);
        return;
      }
      this.toast(error.message);
    });
  }

  private frame(time: number): void {
    if (!this.running) {
      return;
    }
    const world = this.world!;
    const dt = this.lastFrame ? Math.min(0.1, (time - this.lastFrame) / 1000) : 0;
    this.lastFrame = time;
    world.predictor.step(dt, time, world.map, !world.dead);
    this.renderer.draw(world, time);
    if (time - this.lastHud > 100) {
      this.lastHud = time;
      this.updateHud(time);
    }
    requestAnimationFrame((t) => this.frame(t));
  }

  private keyDown(e: KeyboardEvent): void {
    if (!this.running || typing()) {
      return;
    }
    if (movementKeys[e.code]) {
      e.preventDefault();
      this.held.add(e.code);
      this.sendDirection();
      return;
    }
    const abilities = this.abilityIds();
    if (e.code.startsWith("Digit")) {
      const index = Number(e.code.slice(5)) - 1;
      if (index >= 0 && index < abilities.length) {
        this.useAbility(abilities[index]);
      }
      return;
    }
    switch (e.code) {
      case "Tab":
        e.preventDefault();
        if (this.world) {
          this.world.targetNetId = this.world.nearestEnemy(performance.now(), this.world.targetNetId) || this.world.targetNetId;
        }
        break;
      case "Escape":
        if (this.world) {
          this.world.targetNetId = 0;
        }
        break;
      case "Enter":
        e.preventDefault();
        this.chat.focus();
        break;
      case "KeyI":
        this.inventory.toggle();
        break;
      case "KeyP":
        this.party.toggle();
        break;
      case "KeyM":
        this.sounds.muted = !this.sounds.muted;
        this.toast(this.sounds.muted ? "sound off" : "sound on");
        break;
    }
  }

  private keyUp(e: KeyboardEvent): void {
    if (this.held.delete(e.code)) {
      this.sendDirection();
    }
  }

  /** Sends the held direction when it changed: the server keeps walking until the next input. */
  private sendDirection(force = false): void {
    let x = 0;
    let y = 0;
    for (const code of this.held) {
      x += movementKeys[code][0];
      y += movementKeys[code][1];
    }
    const length = Math.hypot(x, y);
    if (length > 0) {
      x /= length;
      y /= length;
    }
    if (!force && x === this.sentDir[0] && y === this.sentDir[1]) {
      return;
    }
    this.sentDir = [x, y];
    const sequence = ++this.moveSequence;
    this.world?.predictor.input(sequence, x, y, performance.now());
    this.connection.send(Methods.move, sequence, x, y);
  }

  private click(e: PointerEvent): void {
    const world = this.world;
    if (!world) {
      return;
    }
    this.canvas.focus();
    const rect = this.canvas.getBoundingClientRect();
    world.targetNetId = this.renderer.entityAt(world, e.clientX - rect.left, e.clientY - rect.top, performance.now());
  }

  private abilityIds(): string[] {
    const cls = this.catalog()?.classes.find((c) => c.id === this.character?.class.toLowerCase());
    return (cls?.abilities ?? ["strike"]).slice(0, 9);
  }

  useAbility(abilityId: string): void {
    const world = this.world;
    if (!world) {
      return;
    }
    const ability = world.ability(abilityId);
    let target = world.targetNetId;
    if (ability?.target === "enemy") {
      const current = world.entities.get(target);
      if (!current || current.kind !== EntityKind.monster || current.health <= 0) {
        target = world.nearestEnemy(performance.now());
        world.targetNetId = target;
      }
      if (!target) {
        this.toast(`${ability.name} needs a monster as target: click one or press Tab`);
        return;
      }
    } else if (ability?.target === "ally") {
      target = world.entities.get(target)?.kind === EntityKind.player && target !== world.selfNetId ? target : 0;
    } else {
      target = 0;
    }
    this.connection.send(Methods.useAbility, ++this.abilitySequence, abilityId, target);
  }

  private buildAbilityBar(): void {
    const bar = byId("ability-bar");
    bar.replaceChildren(...this.abilityIds().map((id, index) => {
      const ability = this.world?.ability(id);
      const slot = el("button", undefined, "ability");
      slot.type = "button";
      slot.dataset.ability = id;
      slot.title = ability ? `${ability.name}: range ${ability.range}, cooldown ${ability.cooldownSeconds} s, cost ${ability.resourceCost}` : id;
      slot.append(el("span", String(index + 1), "key"), el("span", ability?.name ?? id), el("span", "", "cooldown"));
      slot.addEventListener("click", () => {
        this.useAbility(id);
        this.canvas.focus();
      });
      return slot;
    }));
  }

  private updateHud(now: number): void {
    const world = this.world!;
    const sheet = this.inventory.sheet;
    const vitals = world.vitals;
    const self = world.self;
    setText(byId("player-name"), `${this.character?.name ?? ""}${sheet ? ` · level ${sheet.level} ${sheet.class}` : ""}`);
    setBar(byId("player-health"), byId("player-health-text"), vitals?.health ?? self?.health ?? 0, vitals?.maxHealth ?? self?.maxHealth ?? 0);
    setBar(byId("player-resource"), byId("player-resource-text"), vitals?.resource ?? 0, vitals?.maxResource ?? sheet?.stats.maxResource ?? 0);
    setBar(byId("player-xp"), byId("player-xp-text"), sheet?.experience ?? 0, sheet?.experienceToNextLevel ?? 0, " xp");
    const casting = vitals?.casting ? world.ability(vitals.casting)?.name ?? vitals.casting : "";
    setText(byId("cast-bar"), casting ? `casting ${casting}…` : "");
    show(byId("cast-bar"), casting !== "");

    const target = world.entities.get(world.targetNetId);
    show(byId("target-frame"), target !== undefined);
    if (target) {
      setText(byId("target-name"), target.name);
      setBar(byId("target-health"), byId("target-health-text"), target.health, target.maxHealth);
    }

    for (const slot of byId("ability-bar").querySelectorAll<HTMLElement>(".ability")) {
      const cooldown = world.cooldowns.get(slot.dataset.ability ?? "");
      const left = cooldown ? cooldown.duration - (now - cooldown.start) : 0;
      setText(slot.querySelector<HTMLElement>(".cooldown")!, left > 0 ? (left / 1000).toFixed(1) : "");
    }
    if (now > this.toastUntil) {
      setText(byId("toast"), "");
    }
  }

  toast(message: string): void {
    setText(byId("toast"), message);
    this.toastUntil = performance.now() + 4000;
  }
}
