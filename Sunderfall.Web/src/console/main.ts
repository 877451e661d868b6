// The operator console (/console): sign-in for moderators and admins, the live overview with charts kept from this
// page's own polls, alerts, broadcast, player search with kick/ban/roles, and flag review.
import "./console.css";
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { ApiFailure, Session, login } from "../net/auth";
import { OperatorApi, type AccountInfo, type FlagRow, type Overview } from "./api";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

const OverviewInterval = 3_000;
const AlertsInterval = 15_000;
const ChartPoints = 200;
const OperatorRoles = ["moderator", "admin"];
const Palette = ["#f0c674", "#81a2be", "#b5bd68", "#cc6666", "#b294bb", "#8abeb7", "#de935f"];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const text = (id: string, value: string) => {
  $(id).textContent = value;
};
const megabytes = (bytes: number | undefined) => (bytes === undefined ? "-" : `${(bytes / 1_048_576).toFixed(0)} MB`);
const failure = (e: unknown) => (e instanceof ApiFailure ? `${e.code}: ${e.message}` : String(e));

function row(cells: (string | number | Node)[]): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const cell of cells) {
    const td = document.createElement("td");
    td.append(cell instanceof Node ? cell : String(cell));
    tr.append(td);
  }
  return tr;
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}

function fill(id: string, items: string[]): void {
  const list = $(id);
  list.replaceChildren(...items.map((t) => Object.assign(document.createElement("li"), { textContent: t })));
  if (items.length === 0) {
    list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "none", className: "hint" }));
  }
}

class OperatorConsole {
  private readonly api: OperatorApi;
  private readonly isAdmin: boolean;
  private readonly playersChart: Chart<"line", number[], string>;
  private readonly cpuChart: Chart<"line", number[], string>;
  private timers: number[] = [];
  private account: AccountInfo | undefined;

  constructor(session: Session, roles: string[]) {
    this.api = new OperatorApi(session);
    this.isAdmin = roles.includes("admin");
    this.playersChart = new Chart($<HTMLCanvasElement>("players-chart"), {
      type: "line",
      data: { labels: [], datasets: [{ label: "players online", data: [], borderColor: "#f0c674", pointRadius: 0 }] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    this.cpuChart = new Chart($<HTMLCanvasElement>("cpu-chart"), {
      type: "line",
      data: { labels: [], datasets: [] },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: "CPU %" } } } },
    });
    text("operator", `${session.username} (${roles.join(", ")})`);
    $("roles-editor").classList.toggle("hidden", !this.isAdmin);
    this.wire();
  }

  start(): void {
    void this.pollOverview();
    void this.pollAlerts();
    void this.loadFlags();
    this.timers.push(window.setInterval(() => void this.pollOverview(), OverviewInterval));
    this.timers.push(window.setInterval(() => void this.pollAlerts(), AlertsInterval));
  }

  stop(): void {
    this.timers.forEach((t) => window.clearInterval(t));
    this.playersChart.destroy();
    this.cpuChart.destroy();
  }

  private wire(): void {
    $("broadcast-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const zone = $<HTMLSelectElement>("broadcast-zone").value || null;
      this.api
        .broadcast($<HTMLInputElement>("broadcast-text").value, zone)
        .then((r) => text("broadcast-result", `sent to ${r.instances} channel(s) of ${zone ?? "every zone"}`))
        .catch((err) => text("broadcast-result", failure(err)));
    });
    $("search-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.search($<HTMLInputElement>("search-username").value.trim());
    });
    $("kick-button").addEventListener("click", () => this.act("kicked", (u, reason) => this.api.kick(u, reason)));
    $("ban-button").addEventListener("click", () =>
      this.act("banned", (u, reason) => this.api.ban(u, Number($<HTMLInputElement>("ban-minutes").value), reason)),
    );
    $("mute-button").addEventListener("click", () =>
      this.act("muted", async (u, reason) => {
        const muted = await this.api.mute(u, Number($<HTMLInputElement>("mute-minutes").value), reason);
        return `chat muted until ${new Date(muted.until).toLocaleString()} (${muted.characters} character(s))`;
      }),
    );
    $("roles-save").addEventListener("click", () => {
      if (!this.account) return;
      const roles = [...document.querySelectorAll<HTMLInputElement>(".role-box")].filter((b) => b.checked).map((b) => b.value);
      this.api
        .setRoles(this.account.username, roles)
        .then((a) => {
          text("action-result", `roles of ${a.username}: ${a.roles.join(", ")}`);
          this.showAccount(a);
        })
        .catch((err) => text("action-result", failure(err)));
    });
  }

  private act(done: string, call: (username: string, reason: string) => Promise<void | string>): void {
    if (!this.account) return;
    const username = this.account.username;
    call(username, $<HTMLInputElement>("action-reason").value)
      .then((said) => {
        text("action-result", `${username} ${done}${said ? `: ${said}` : ""}`);
        void this.search(username);
      })
      .catch((err) => text("action-result", failure(err)));
  }

  private async pollOverview(): Promise<void> {
    let overview: Overview;
    try {
      overview = await this.api.overview();
    } catch (e) {
      text("overview-error", failure(e));
      return;
    }
    text("overview-error", "");
    const at = new Date(overview.at).toLocaleTimeString();
    text("players-total", String(overview.players));
    text("overview-updated", `updated ${at}`);
    const zones = overview.zones.flatMap((z) =>
      Object.keys(z.channels).length === 0
        ? [row([z.template, "-", 0])]
        : Object.entries(z.channels).map(([instance, players]) => row([z.template, instance, players])),
    );
    $("zones-table").querySelector("tbody")!.replaceChildren(...zones);
    $("silos-table").querySelector("tbody")!.replaceChildren(
      ...overview.silos.map((s) =>
        row([s.address, s.status, s.activations ?? "-", s.process?.cpuPercent ?? "-", megabytes(s.process?.workingSetBytes)]),
      ),
    );
    $("frontends-table").querySelector("tbody")!.replaceChildren(
      ...overview.frontends.map((f) => row([f.id, f.players, f.process.cpuPercent, megabytes(f.process.workingSetBytes)])),
    );
    const select = $<HTMLSelectElement>("broadcast-zone");
    if (select.options.length !== overview.zones.length + 1) {
      select.replaceChildren(new Option("everyone", ""), ...overview.zones.map((z) => new Option(z.template, z.template)));
    }
    this.record(at, overview);
  }

  private record(at: string, overview: Overview): void {
    const push = (chart: Chart<"line", number[], string>) => {
      chart.data.labels!.push(at);
      if (chart.data.labels!.length > ChartPoints) chart.data.labels!.shift();
    };
    push(this.playersChart);
    const players = this.playersChart.data.datasets[0].data;
    players.push(overview.players);
    if (players.length > ChartPoints) players.shift();
    this.playersChart.update();

    push(this.cpuChart);
    const length = this.cpuChart.data.labels!.length;
    const processes = [...overview.silos.flatMap((s) => (s.process ? [s.process] : [])), ...overview.frontends.map((f) => f.process)];
    for (const p of processes) {
      const label = `${p.kind} ${p.kind === "silo" ? p.id : p.id.slice(0, 16)}`;
      let dataset = this.cpuChart.data.datasets.find((d) => d.label === label);
      if (!dataset) {
        const color = Palette[this.cpuChart.data.datasets.length % Palette.length];
        dataset = { label, data: [], pointRadius: 0, borderColor: color, backgroundColor: color };
        this.cpuChart.data.datasets.push(dataset);
      }
      while (dataset.data.length < length - 1) dataset.data.unshift(NaN);
      dataset.data.push(p.cpuPercent);
    }
    for (const d of this.cpuChart.data.datasets) {
      while (d.data.length < length) d.data.push(NaN);
      while (d.data.length > length) d.data.shift();
    }
    this.cpuChart.update();
  }

  private async pollAlerts(): Promise<void> {
    try {
      const answer = await this.api.alerts();
      if (!answer.configured) {
        fill("alerts-list", ["no Prometheus is configured (Console:PrometheusUrl)"]);
        return;
      }
      const alerts = answer.prometheus?.data?.alerts ?? [];
      fill(
        "alerts-list",
        alerts.map((a) => `${a.state}: ${a.labels.alertname ?? "alert"} ${a.annotations?.summary ?? ""} (since ${a.activeAt ?? "?"})`),
      );
    } catch (e) {
      fill("alerts-list", [`alerts unavailable: ${failure(e)}`]);
    }
  }

  private async loadFlags(): Promise<void> {
    try {
      const flags = (await this.api.flags()).filter((f) => !f.reviewedAt);
      $("flags-table").querySelector("tbody")!.replaceChildren(...flags.map((f) => this.flagRow(f)));
    } catch (e) {
      $("flags-table").querySelector("tbody")!.replaceChildren(row([failure(e)]));
    }
  }

  private flagRow(f: FlagRow): HTMLTableRowElement {
    return row([
      new Date(f.at).toLocaleString(),
      f.kind,
      f.severity,
      f.count,
      f.accountId ?? "-",
      f.playerId ?? "-",
      button("Mark reviewed", () => void this.api.review(f.id).then(() => this.loadFlags())),
    ]);
  }

  private async search(username: string): Promise<void> {
    text("search-error", "");
    try {
      this.showAccount(await this.api.account(username));
    } catch (e) {
      $("account-details").classList.add("hidden");
      text("search-error", failure(e));
      return;
    }
    try {
      const characters = await this.api.characters(username);
      $("characters-table").querySelector("tbody")!.replaceChildren(
        ...characters.map((c) =>
          row([c.name, c.class, c.level, c.zoneId, c.inWorld ? "yes" : "no", button("Transactions and flags", () => void this.character(c.id, c.name))]),
        ),
      );
    } catch (e) {
      $("characters-table").querySelector("tbody")!.replaceChildren(row([failure(e)]));
    }
    if (this.isAdmin) {
      this.api
        .audit(username)
        .then((rows) => fill("audit-list", rows.map((r) => `${r.at} ${r.action} ${r.target ?? ""}`)))
        .catch((e) => fill("audit-list", [failure(e)]));
    } else {
      fill("audit-list", ["the audit trail is for admins"]);
    }
  }

  private showAccount(a: AccountInfo): void {
    this.account = a;
    $("account-details").classList.remove("hidden");
    text("account-title", a.username);
    const facts: [string, string][] = [
      ["id", a.id],
      ["e-mail", a.email],
      ["roles", a.roles.join(", ")],
      ["created", new Date(a.createdAt).toLocaleString()],
      ["banned until", a.bannedUntil ? new Date(a.bannedUntil).toLocaleString() : "not banned"],
      ["MFA", a.mfaEnabled ? "on" : "off"],
    ];
    $("account-facts").replaceChildren(
      ...facts.flatMap(([k, v]) => [Object.assign(document.createElement("dt"), { textContent: k }), Object.assign(document.createElement("dd"), { textContent: v })]),
    );
    document.querySelectorAll<HTMLInputElement>(".role-box").forEach((b) => (b.checked = a.roles.includes(b.value)));
  }

  private async character(id: string, name: string): Promise<void> {
    text("character-title", `Character ${name}`);
    this.api
      .transactions(id)
      .then((rows) => fill("transactions-list", rows.map((r) => `${r.at} ${r.kind} ${r.details ? JSON.stringify(r.details) : ""}`)))
      .catch((e) => fill("transactions-list", [failure(e)]));
    this.api
      .flags(id)
      .then((rows) => fill("character-flags", rows.map((f) => `${f.at} ${f.kind} x${f.count} severity ${f.severity}${f.reviewedAt ? " (reviewed)" : ""}`)))
      .catch((e) => fill("character-flags", [failure(e)]));
  }
}

let current: OperatorConsole | undefined;

$("signin-form").addEventListener("submit", (e) => {
  e.preventDefault();
  text("signin-error", "");
  const username = $<HTMLInputElement>("signin-username").value.trim();
  login(username, $<HTMLInputElement>("signin-password").value, $<HTMLInputElement>("signin-mfa").value.trim())
    .then(async (tokens) => {
      const session = new Session(tokens);
      if (!tokens.roles.some((r) => OperatorRoles.includes(r))) {
        await session.logout();
        text("signin-error", `${tokens.username} has neither the moderator nor the admin role; the console is for operators only`);
        return;
      }
      $("signin-screen").classList.add("hidden");
      $("console-screen").classList.remove("hidden");
      current = new OperatorConsole(session, tokens.roles);
      current.start();
      $("signout").addEventListener("click", () => {
        current?.stop();
        void session.logout().then(() => window.location.reload());
      }, { once: true });
    })
    .catch((err) => {
      text("signin-error", err instanceof ApiFailure && err.code === "MfaRequired" ? "this account uses MFA: enter the authenticator code" : failure(err));
    });
});
