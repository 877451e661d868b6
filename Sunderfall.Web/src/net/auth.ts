// The account calls of docs/protocol.md ("Signing in"): register, login (with MFA), refresh, logout.
import type { ApiError, AuthResponse } from "../protocol/wire";

/** A refusal from the account API: the HTTP status plus the server's code and sentence. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiFailure";
  }
}

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiFailure(0, "Unavailable", "the server cannot be reached; check the connection and try again");
  }
  const text = await response.text();
  if (!response.ok) {
    let error: ApiError = { code: `Http${response.status}`, message: `the server answered ${response.status}` };
    try {
      error = JSON.parse(text) as ApiError;
    } catch {
      // Not an ApiError (e.g. a proxy's page): keep the status.
    }
    throw new ApiFailure(response.status, error.code, error.message);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Holds the signed-in account's tokens and refreshes the access token before it expires. */
export class Session {
  private tokens: AuthResponse;
  private refreshing: Promise<void> | undefined;

  constructor(tokens: AuthResponse) {
    this.tokens = tokens;
  }

  get username(): string {
    return this.tokens.username;
  }

  /** A valid access token, refreshed (with a new refresh token) when it has less than a minute left. */
  async accessToken(): Promise<string> {
    if (Date.parse(this.tokens.accessTokenExpiresAt) - Date.now() < 60_000) {
      this.refreshing ??= post<AuthResponse>("/api/auth/refresh", { refreshToken: this.tokens.refreshToken })
        .then((t) => {
          this.tokens = t;
        })
        .finally(() => {
          this.refreshing = undefined;
        });
      await this.refreshing;
    }
    return this.tokens.accessToken;
  }

  async logout(): Promise<void> {
    try {
      await post<void>("/api/auth/logout", undefined, this.tokens.accessToken);
    } catch {
      // Signing out locally is what matters; the server revokes the session when it can.
    }
  }
}

export function register(username: string, email: string, password: string): Promise<AuthResponse> {
  return post<AuthResponse>("/api/auth/register", { username, email, password });
}

/** Signs in; with MFA on and no code the server answers 401 MfaRequired (an ApiFailure). */
export function login(username: string, password: string, mfaCode?: string): Promise<AuthResponse> {
  return post<AuthResponse>("/api/auth/login", { username, password, mfaCode: mfaCode || undefined });
}
