// The operators' HTTP API (docs/operations.md, "Console"), called with the signed-in operator's bearer token.
import { ApiFailure, type Session } from "../net/auth";

export interface ProcessReport {
  kind: string;
  id: string;
  host: string;
  processId: number;
  cpuPercent: number;
  workingSetBytes: number;
  managedBytes: number;
  players: number;
  at: string;
}

export interface Overview {
  at: string;
  players: number;
  zones: { template: string; players: number; channels: Record<string, number> }[];
  silos: { address: string; status: string; activations: number | null; process: ProcessReport | null }[];
  frontends: { id: string; players: number; process: ProcessReport }[];
}

export interface AccountInfo {
  id: string;
  username: string;
  email: string;
  roles: string[];
  createdAt: string;
  bannedUntil: string | null;
  mfaEnabled: boolean;
}

export interface CharacterRow {
  id: string;
  name: string;
  class: string;
  level: number;
  zoneId: string;
  inWorld: boolean;
}

export interface FlagRow {
  id: number;
  at: string;
  accountId: string | null;
  playerId: string | null;
  kind: string;
  severity: number;
  count: number;
  reviewedAt: string | null;
}

export interface AlertsAnswer {
  configured: boolean;
  prometheusUrl: string | null;
  prometheus: { data?: { alerts?: { state: string; labels: Record<string, string>; annotations?: Record<string, string>; activeAt?: string }[] } } | null;
}

/** Calls the API as the session's account; a refusal becomes an ApiFailure with the server's code and sentence. */
export class OperatorApi {
  constructor(private readonly session: Session) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.session.accessToken()}` };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    let response: Response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiFailure(0, "Unavailable", "the server cannot be reached");
    }
    const text = await response.text();
    if (!response.ok) {
      let code = `Http${response.status}`;
      let message = response.status === 403 ? "your account's roles do not allow this" : `the server answered ${response.status}`;
      try {
        const error = JSON.parse(text) as { code: string; message: string };
        code = error.code;
        message = error.message;
      } catch {
        // No ApiError body (e.g. a 403 from the authorization layer): keep the status's sentence.
      }
      throw new ApiFailure(response.status, code, message);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  overview = () => this.call<Overview>("GET", "/api/moderation/overview");
  alerts = () => this.call<AlertsAnswer>("GET", "/api/moderation/alerts");
  broadcast = (text: string, zone: string | null) =>
    this.call<{ instances: number }>("POST", "/api/moderation/broadcast", { text, zone });
  account = (username: string) => this.call<AccountInfo>("GET", `/api/moderation/accounts/${encodeURIComponent(username)}`);
  characters = (username: string) =>
    this.call<CharacterRow[]>("GET", `/api/moderation/accounts/${encodeURIComponent(username)}/characters`);
  kick = (username: string, reason: string) =>
    this.call<void>("POST", `/api/moderation/accounts/${encodeURIComponent(username)}/kick`, { reason });
  ban = (username: string, minutes: number, reason: string) =>
    this.call<void>("POST", `/api/moderation/accounts/${encodeURIComponent(username)}/ban`, { minutes, reason });
  mute = (username: string, minutes: number, reason: string) =>
    this.call<{ until: string; characters: number }>("POST", `/api/moderation/accounts/${encodeURIComponent(username)}/mute`, { minutes, reason });
  setRoles = (username: string, roles: string[]) =>
    this.call<AccountInfo>("PUT", `/api/admin/accounts/${encodeURIComponent(username)}/roles`, { roles });
  audit = (username: string) =>
    this.call<{ at: string; action: string; target: string | null }[]>("GET", `/api/admin/audit?account=${encodeURIComponent(username)}&limit=100`);
  transactions = (playerId: string) =>
    this.call<{ at: string; kind: string; details: unknown }[]>("GET", `/api/moderation/transactions?player=${playerId}&limit=100`);
  flags = (playerId?: string) =>
    this.call<FlagRow[]>("GET", `/api/moderation/flags?limit=100${playerId ? `&player=${playerId}` : ""}`);
  review = (id: number) => this.call<unknown>("POST", `/api/moderation/flags/${id}/review`, {});
}
