// The SignalR connection to /hubs/game with the MessagePack protocol: typed calls, normalized events, a visible
// state, and reconnection that never gives up (the game re-enters its character once the connection is back).
import {
  HubConnection,
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type IRetryPolicy,
} from "@microsoft/signalr";
import { MessagePackHubProtocol } from "@microsoft/signalr-protocol-msgpack";
import { HubPath, normalize, type CallResult } from "../protocol/wire";

export type ConnectionState = "disconnected" | "connecting" | "connected" | "reconnecting" | "closed";

const retryDelays = [0, 500, 1000, 2000, 3000];

// Never null: a game client keeps trying until the player signs out.
const forever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context) => retryDelays[Math.min(context.previousRetryCount, retryDelays.length - 1)],
};

export class GameConnection {
  private readonly hub: HubConnection;
  private stopped = false;
  private stateValue: ConnectionState = "disconnected";
  private readonly stateListeners: ((state: ConnectionState) => void)[] = [];
  private readonly reconnectListeners: (() => void)[] = [];

  constructor(accessToken: () => Promise<string>) {
    this.hub = new HubConnectionBuilder()
      .withUrl(HubPath, { accessTokenFactory: accessToken })
      .withHubProtocol(new MessagePackHubProtocol())
      .withAutomaticReconnect(forever)
      .configureLogging(LogLevel.Warning)
      .build();
    this.hub.onreconnecting(() => this.setState("reconnecting"));
    this.hub.onreconnected(() => {
      this.setState("connected");
      this.reconnectListeners.forEach((l) => l());
    });
    // Automatic reconnection covers a dropped connection; a failed first start or a close ends up here.
    this.hub.onclose(() => {
      if (!this.stopped) {
        this.setState("reconnecting");
        void this.startLoop(true);
      }
    });
  }

  get state(): ConnectionState {
    return this.stateValue;
  }

  onState(listener: (state: ConnectionState) => void): void {
    this.stateListeners.push(listener);
  }

  /** Called each time the connection is back after a loss (the server has forgotten which character it played). */
  onReconnected(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  on<T>(event: string, handler: (payload: T) => void): void {
    this.hub.on(event, (raw: unknown) => handler(normalize<T>(raw)));
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.setState("connecting");
    await this.startLoop(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.hub.stop();
    this.setState("closed");
  }

  async invoke<T>(method: string, ...args: unknown[]): Promise<CallResult<T>> {
    if (this.hub.state !== HubConnectionState.Connected) {
      return { ok: false, error: { code: "Unavailable", message: "not connected to the server; reconnecting" } };
    }
    try {
      return normalize<CallResult<T>>(await this.hub.invoke(method, ...args));
    } catch {
      return { ok: false, error: { code: "Unavailable", message: "the call was lost with the connection; try again" } };
    }
  }

  /** Fire-and-forget (movement, abilities): dropped while disconnected, as the server would ignore it anyway. */
  send(method: string, ...args: unknown[]): void {
    if (this.hub.state === HubConnectionState.Connected) {
      this.hub.send(method, ...args).catch(() => undefined);
    }
  }

  private async startLoop(isRestart: boolean): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.hub.start();
        this.setState("connected");
        if (isRestart) {
          this.reconnectListeners.forEach((l) => l());
        }
        return;
      } catch {
        this.setState("reconnecting");
        isRestart = true;
        await new Promise((r) => setTimeout(r, retryDelays[Math.min(attempt + 1, retryDelays.length - 1)]));
      }
    }
  }

  private setState(state: ConnectionState): void {
    if (this.stateValue !== state) {
      this.stateValue = state;
      this.stateListeners.forEach((l) => l(state));
    }
  }
}
