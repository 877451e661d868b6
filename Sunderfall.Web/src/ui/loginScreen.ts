// Sign in or register; asks for the authenticator code when the server answers MfaRequired.
import { ApiFailure, login, register } from "../net/auth";
import type { AuthResponse } from "../protocol/wire";
import { byId, show } from "./dom";

export class LoginScreen {
  private readonly root = byId("login-screen");
  private readonly username = byId<HTMLInputElement>("login-username");
  private readonly password = byId<HTMLInputElement>("login-password");
  private readonly email = byId<HTMLInputElement>("login-email");
  private readonly mfa = byId<HTMLInputElement>("login-mfa");
  private readonly error = byId("login-error");

  constructor(private readonly signedIn: (tokens: AuthResponse) => void) {
    byId<HTMLFormElement>("login-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.submit(false);
    });
    byId("login-register").addEventListener("click", () => void this.submit(true));
  }

  show(message = ""): void {
    show(this.root);
    this.error.textContent = message;
    this.password.value = "";
    this.mfa.value = "";
    show(byId("login-mfa-row"), false);
    this.username.focus();
  }

  hide(): void {
    show(this.root, false);
  }

  private async submit(registering: boolean): Promise<void> {
    this.error.textContent = "";
    try {
      const tokens = registering
        ? await register(this.username.value.trim(), this.email.value.trim(), this.password.value)
        : await login(this.username.value.trim(), this.password.value, this.mfa.value.trim());
      this.signedIn(tokens);
    } catch (e) {
      if (e instanceof ApiFailure && (e.code === "MfaRequired" || e.code === "InvalidMfaCode")) {
        show(byId("login-mfa-row"));
        this.mfa.focus();
      }
      this.error.textContent = e instanceof ApiFailure ? e.message : String(e);
    }
  }
}
