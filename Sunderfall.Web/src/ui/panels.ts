// The side panels while playing: inventory and equipment, party, chat. Each renders from what the server last said
// and turns clicks into hub calls; the server's answer (or its event) is what changes the panel.
import type { GameConnection } from "../net/gameConnection";
import {
  Methods,
  type CharacterSheetInfo,
  type ChatMessage,
  type PartyInfo,
  type PartyInviteInfo,
  type ServerError,
} from "../protocol/wire";
import type { World } from "../game/world";
import { button, byId, el, setText, show } from "./dom";

type Report = (error: ServerError | null | undefined, fallback: string) => void;

export class InventoryPanel {
  private readonly bag = byId("bag");
  private readonly equipment = byId("equipment");
  sheet: CharacterSheetInfo | undefined;

  constructor(
    private readonly connection: GameConnection,
    private readonly world: () => World | undefined,
    private readonly report: Report,
  ) {}

  toggle(): void {
    byId("inventory-panel").classList.toggle("hidden");
  }

  render(sheet: CharacterSheetInfo): void {
    this.sheet = sheet;
    const world = this.world();
    const name = (id: string): string => world?.itemName(id) ?? id;
    setText(byId("gold"), `${sheet.gold} gold`);
    setText(byId("bag-capacity"), `${sheet.bag.length} of ${sheet.bagCapacity} slots used` +
      (sheet.overflow.length ? ` · ${sheet.overflow.reduce((n, o) => n + o.count, 0)} waiting for room` : ""));

    this.equipment.replaceChildren(...Object.entries(sheet.equipped).map(([slot, itemId]) => {
      const row = el("li", undefined, "equipped");
      row.dataset.item = itemId;
      row.append(el("span", `${slot}: ${name(itemId)}`), button("Unequip", () => void this.call(Methods.unequipItem, slot)));
      return row;
    }));

    this.bag.replaceChildren(...[...sheet.bag].sort((a, b) => a.slot - b.slot).map((item) => {
      const row = el("li", undefined, "bag-item");
      row.dataset.item = item.itemId;
      const label = el("span", item.count > 1 ? `${name(item.itemId)} ×${item.count}` : name(item.itemId));
      const kind = world?.item(item.itemId)?.kind;
      const actions = el("span");
      if (kind === "equipment") {
        actions.append(button("Equip", () => void this.call(Methods.equipItem, item.slot)));
      }
      if (kind === "consumable") {
        actions.append(button("Use", () => void this.call(Methods.useItem, item.slot)));
      }
      actions.append(button("Discard", () => void this.call(Methods.discardItem, item.slot, item.count)));
      row.append(label, actions);
      return row;
    }));
    if (sheet.bag.length === 0) {
      this.bag.append(el("li", "The bag is empty.", "hint"));
    }
  }

  private async call(method: string, ...args: unknown[]): Promise<void> {
    const result = await this.connection.invoke<CharacterSheetInfo>(method, ...args);
    if (result.ok && result.value) {
      this.render(result.value);
    } else {
      this.report(result.error, "the item could not be changed");
    }
  }
}

const noParty: PartyInfo = { partyId: "", leaderId: "", members: [], maxSize: 0 };

export class PartyPanel {
  private readonly members = byId("party-members");
  private readonly nameInput = byId<HTMLInputElement>("party-name");
  party: PartyInfo | undefined;
  invite: PartyInviteInfo | undefined;

  constructor(
    private readonly connection: GameConnection,
    private readonly report: Report,
    /** The id of the character being played: its leader sees Lead and Kick beside the others, and Disband. */
    private readonly selfId: () => string | undefined,
  ) {
    byId<HTMLFormElement>("party-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.inviteByName();
    });
    byId("party-accept").addEventListener("click", () => void this.answer(true));
    byId("party-decline").addEventListener("click", () => void this.answer(false));
    byId("party-leave").addEventListener("click", () => void this.change(Methods.leaveParty, "could not leave the party"));
    byId("party-disband").addEventListener("click", () => void this.change(Methods.disbandParty, "could not disband the party"));
  }

  toggle(): void {
    byId("party-panel").classList.toggle("hidden");
  }

  render(party: PartyInfo): void {
    this.party = party.partyId ? party : undefined;
    const members = this.party?.members ?? [];
    const leading = members.length > 0 && party.leaderId === this.selfId();
    this.members.replaceChildren(...members.map((m) => {
      const row = el("li", undefined, "member");
      row.dataset.name = m.name;
      row.append(el("span", `${m.id === party.leaderId ? "★ " : ""}${m.name}`));
      if (leading && m.id !== party.leaderId) {
        row.append(
          button("Lead", () => void this.change(Methods.promotePartyLeader, `could not make ${m.name} the leader`, m.name), "promote"),
          button("Kick", () => void this.change(Methods.kickFromParty, `could not remove ${m.name}`, m.name), "kick"),
        );
      }
      return row;
    }));
    if (members.length === 0) {
      this.members.append(el("li", "Not in a party.", "hint"));
    }
    show(byId("party-leave"), members.length > 0);
    show(byId("party-disband"), leading);
  }

  invited(invite: PartyInviteInfo): void {
    this.invite = invite;
    setText(byId("party-invite-text"), `${invite.fromName} invites you to a party.`);
    show(byId("party-invite"));
  }

  private async inviteByName(): Promise<void> {
    const name = this.nameInput.value.trim();
    if (!name) {
      return;
    }
    if (!this.party) {
      const created = await this.connection.invoke<PartyInfo>(Methods.createParty);
      if (!created.ok || !created.value) {
        this.report(created.error, "the party could not be created");
        return;
      }
      this.render(created.value);
    }
    const result = await this.connection.invoke<PartyInviteInfo>(Methods.inviteToParty, name);
    if (result.ok) {
      this.nameInput.value = "";
      this.report({ code: "None", message: `invited ${name}` }, "");
    } else {
      this.report(result.error, "the invite failed");
    }
  }

  private async answer(accept: boolean): Promise<void> {
    const invite = this.invite;
    show(byId("party-invite"), false);
    this.invite = undefined;
    if (!invite) {
      return;
    }
    const result = await this.connection.invoke<PartyInfo>(accept ? Methods.acceptPartyInvite : Methods.declinePartyInvite, invite.partyId);
    if (!result.ok) {
      this.report(result.error, "the invite could not be answered");
    } else if (accept && result.value) {
      this.render(result.value);
    }
  }

  /** Leave, disband, kick or promote: the answer is the party now (empty after leaving or disbanding). */
  private async change(method: string, failure: string, ...args: unknown[]): Promise<void> {
    const result = await this.connection.invoke<PartyInfo>(method, ...args);
    if (result.ok) {
      this.render(result.value ?? noParty);
    } else {
      this.report(result.error, failure);
    }
  }
}

export interface ChatLine {
  channel: string;
  from: string;
  to?: string | null;
  text: string;
}

export class ChatPanel {
  private readonly log = byId("chat-log");
  private readonly text = byId<HTMLInputElement>("chat-text");
  private readonly channel = byId<HTMLSelectElement>("chat-channel");
  private readonly to = byId<HTMLInputElement>("chat-to");
  readonly lines: ChatLine[] = [];

  constructor(
    private readonly connection: GameConnection,
    private readonly focusGame: () => void,
  ) {
    byId<HTMLFormElement>("chat-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.send();
    });
    this.channel.addEventListener("change", () => show(this.to, this.channel.value === "whisper"));
    this.text.addEventListener("keydown", (e) => {
      // The form has two text fields and no submit button, so Enter does not submit it by itself.
      if (e.key === "Enter") {
        e.preventDefault();
        void this.send();
      } else if (e.key === "Escape") {
        this.text.blur();
        this.focusGame();
      }
    });
  }

  focus(): void {
    this.text.focus();
  }

  add(message: ChatMessage): void {
    const where = message.channel === "whisper"
      ? message.to && message.from !== message.to ? `[to ${message.to}] ` : "[whisper] "
      : `[${message.channel}] `;
    this.append({ channel: message.channel, from: message.from, to: message.to, text: message.text }, `${where}${message.from ? message.from + ": " : ""}${message.text}`);
  }

  system(text: string, channel = "system"): void {
    this.append({ channel, from: "", text }, text);
  }

  private append(line: ChatLine, shown: string): void {
    this.lines.push(line);
    if (this.lines.length > 200) {
      this.lines.shift();
      this.log.firstElementChild?.remove();
    }
    const item = el("li", shown, line.channel);
    this.log.append(item);
    this.log.scrollTop = this.log.scrollHeight;
  }

  private async send(): Promise<void> {
    const text = this.text.value.trim();
    if (!text) {
      this.text.blur();
      this.focusGame();
      return;
    }
    const channel = this.channel.value;
    const result = await this.connection.invoke<ChatMessage>(Methods.sendChat, channel, text, channel === "whisper" ? this.to.value.trim() : null);
    if (result.ok) {
      this.text.value = "";
    } else {
      this.system(result.error?.message ?? "the line was not sent");
    }
  }
}
