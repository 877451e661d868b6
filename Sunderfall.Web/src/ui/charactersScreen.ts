// The account's characters: pick one to play, or create one.
import type { GameConnection } from "../net/gameConnection";
import { Methods, type CharacterInfo, type CharacterList, type ClassInfo } from "../protocol/wire";
import { button, byId, el, show } from "./dom";

const fallbackClasses: ClassInfo[] = ["warrior", "ranger", "mage", "cleric"].map((id) => ({
  id, name: id[0].toUpperCase() + id.slice(1), abilities: [],
}));

export class CharactersScreen {
  private readonly root = byId("characters-screen");
  private readonly list = byId("character-list");
  private readonly error = byId("characters-error");
  private readonly name = byId<HTMLInputElement>("create-name");
  private readonly classSelect = byId<HTMLSelectElement>("create-class");
  characters: CharacterInfo[] = [];

  constructor(
    private readonly connection: GameConnection,
    private readonly play: (character: CharacterInfo) => void,
    signOut: () => void,
  ) {
    byId<HTMLFormElement>("create-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.create();
    });
    byId("logout").addEventListener("click", signOut);
  }

  setClasses(classes: ClassInfo[]): void {
    this.classSelect.replaceChildren(...(classes.length ? classes : fallbackClasses).map((c) => {
      const option = el("option", c.name);
      option.value = c.id;
      return option;
    }));
  }

  async show(account: string): Promise<void> {
    byId("account-name").textContent = account;
    show(this.root);
    this.error.textContent = "";
    await this.refresh();
  }

  hide(): void {
    show(this.root, false);
  }

  async refresh(): Promise<void> {
    const result = await this.connection.invoke<CharacterList>(Methods.listCharacters);
    if (!result.ok || !result.value) {
      this.error.textContent = result.error?.message ?? "could not list the characters";
      return;
    }
    this.characters = result.value.characters;
    this.list.replaceChildren(...this.characters.map((c) => {
      const item = el("li");
      item.append(el("span", `${c.name} — level ${c.level} ${c.class}`), button("Play", () => this.play(c), "play"));
      item.dataset.name = c.name;
      return item;
    }));
    if (this.characters.length === 0) {
      this.list.append(el("li", "No character yet: create one below."));
    }
  }

  private async create(): Promise<void> {
    this.error.textContent = "";
    const result = await this.connection.invoke<CharacterInfo>(Methods.createCharacter, this.name.value.trim(), this.classSelect.value);
    if (!result.ok || !result.value) {
      this.error.textContent = result.error?.message ?? "could not create the character";
      return;
    }
    this.name.value = "";
    await this.refresh();
  }
}
