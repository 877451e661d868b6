// The client's screens in order - sign in, pick a character, play - and the one connection they share.
import { Sounds } from "./audio";
import { Session } from "./net/auth";
import { GameConnection, gameHub, type ConnectionState } from "./net/gameConnection";
import type { AuthResponse, CharacterInfo, GameCatalogInfo } from "./protocol/wire";
import { normalize } from "./protocol/wire";
import { GameScreen } from "./game/gameScreen";
import { CharactersScreen } from "./ui/charactersScreen";
import { byId, setText } from "./ui/dom";
import { LoginScreen } from "./ui/loginScreen";

export type Screen = "login" | "characters" | "game";

const stateLabels: Record<ConnectionState, string> = {
  disconnected: "offline",
  connecting: "connecting…",
  connected: "connected",
  reconnecting: "reconnecting…",
  closed: "signed out",
};

export class App {
  screen: Screen = "login";
  session: Session | undefined;
  connection: GameConnection | undefined;
  catalog: GameCatalogInfo | undefined;
  characters: CharactersScreen | undefined;
  game: GameScreen | undefined;
  readonly sounds = new Sounds();
  private readonly login = new LoginScreen((tokens) => void this.signedIn(tokens));

  start(): void {
    this.showState("disconnected");
    this.login.show();
    void this.loadCatalog();
  }

  private async loadCatalog(): Promise<void> {
    try {
      const response = await fetch("/api/content/catalog");
      if (response.ok) {
        this.catalog = normalize<GameCatalogInfo>(await response.json());
        this.characters?.setClasses(this.catalog.classes);
      }
    } catch {
      // Names fall back to ids; the game still plays.
    }
  }

  private async signedIn(tokens: AuthResponse): Promise<void> {
    this.session = new Session(tokens);
    const session = this.session;
    const connection = new GameConnection(gameHub(() => session.accessToken()));
    this.connection = connection;
    connection.onState((state) => this.showState(state));
    this.characters = new CharactersScreen(connection, (c) => void this.play(c), () => void this.signOut());
    this.characters.setClasses(this.catalog?.classes ?? []);
    this.game = new GameScreen(connection, () => this.catalog, this.sounds, (message) => void this.sessionEnded(message));
    this.login.hide();
    await connection.start();
    if (!this.catalog) {
      await this.loadCatalog();
    }
    this.screen = "characters";
    await this.characters.show(tokens.username);
  }

  private async play(character: CharacterInfo): Promise<void> {
    this.characters?.hide();
    this.screen = "game";
    await this.game?.start(character);
  }

  private async sessionEnded(message: string): Promise<void> {
    this.screen = "login";
    this.characters?.hide();
    this.login.show(message);
  }

  private async signOut(): Promise<void> {
    await this.game?.stop();
    await this.connection?.stop();
    await this.session?.logout();
    this.session = undefined;
    this.screen = "login";
    this.characters?.hide();
    this.login.show();
  }

  private showState(state: ConnectionState): void {
    const indicator = byId("connection");
    indicator.className = `connection ${state}`;
    indicator.dataset.state = state;
    setText(indicator, stateLabels[state]);
  }
}
