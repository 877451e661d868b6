// The SignalR connection to /hubs/game with the MessagePack protocol: typed calls, normalized events, a visible
// state, and reconnection that never gives up (the game re-enters its character once the connection is back).
import {
  HubConnectionBuilder,
  HubConnectionState,
  LogLevel,
  type HubConnection,
  type IRetryPolicy,
} from "@microsoft/signalr";
import { MessagePackHubProtocol } from "@microsoft/signalr-protocol-msgpack";
import { HubPath, normalize, type CallResult } from "../protocol/wire";

export type ConnectionState = "disconnected" | "connecting" | "connected" | "reconnecting" | "closed";

/** The part of @microsoft/signalr's HubConnection this class uses (a unit test passes a fake). */
export type Hub = Pick<
  HubConnection,
  "state" | "on" | "onreconnecting" | "onreconnected" | "onclose" | "start" | "stop" | "invoke" | "send"
>;

const retryDelays = [0, 500, 1000, 2000, 3000];

// Never null: a game client keeps trying until the player signs out.
const forever: IRetryPolicy = {
  nextRetryDelayInMilliseconds: (context) => retryDelays[Math.min(context.previousRetryCount, retryDelays.length - 1)],
};

/** The game hub with MessagePack and endless automatic reconnection, signed in with the given token source. */
export function gameHub(accessToken: () => Promise<string>): Hub {
  return new HubConnectionBuilder()
    .withUrl(HubPath, { accessTokenFactory: accessToken })
    .withHubProtocol(new MessagePackHubProtocol())
    .withAutomaticReconnect(forever)
    .configureLogging(LogLevel.Warning)
    .build();
}

export class GameConnection {
  private stopped = false;
  private restarting: Promise<void> | undefined;
  private stateValue: ConnectionState = "disconnected";
  private readonly stateListeners: ((state: ConnectionState) => void)[] = [];
  private readonly reconnectListeners: (() => void)[] = [];

  constructor(private readonly hub: Hub) {
    this.hub.onreconnecting(() => this.setState("reconnecting"));
    this.hub.onreconnected(() => {
      this.setState("connected");
      this.reconnectListeners.forEach((l) => l());
    });
    // Automatic reconnection covers a dropped connection; a failed first start or a close ends up here.
    this.hub.onclose(() => {
      if (!this.stopped && !this.restarting) {
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

  /**
   * Called each time the connection is back after a loss or a restart (the server has forgotten which character it
   * played).
   */
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

  /**
   * Drops the connection and opens a new one, as after a loss: the reconnect listeners run once it is back, so the
   * game enters the world again and the server sends a full view. A restart asked for during one joins it.
   */
  restart(): Promise<void> {
    // Begun in a microtask, so `restarting` is set before stop() can run the close callbacks.
    this.restarting ??= Promise.resolve().then(async () => {
      this.setState("reconnecting");
      try {
        await this.hub.stop();
      } catch {
        // Stopping a connection that is already gone; starting again is what matters.
      }
      await this.startLoop(true);
    }).finally(() => {
      this.restarting = undefined;
    });
    return this.restarting;
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
