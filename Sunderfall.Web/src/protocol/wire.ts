// The wire contract of docs/protocol.md as the browser sees it. The server's MessagePack protocol writes property
// names as in Sunderfall.Protocol (PascalCase) and its HTTP API writes camelCase: normalize() makes both camelCase.

export const HubPath = "/hubs/game";

export const Methods = {
  createCharacter: "CreateCharacter",
  listCharacters: "ListCharacters",
  enterWorld: "EnterWorld",
  move: "Move",
  leaveWorld: "LeaveWorld",
  useAbility: "UseAbility",
  getCharacterSheet: "GetCharacterSheet",
  equipItem: "EquipItem",
  unequipItem: "UnequipItem",
  useItem: "UseItem",
  discardItem: "DiscardItem",
  createParty: "CreateParty",
  inviteToParty: "InviteToParty",
  acceptPartyInvite: "AcceptPartyInvite",
  declinePartyInvite: "DeclinePartyInvite",
  leaveParty: "LeaveParty",
  kickFromParty: "KickFromParty",
  promotePartyLeader: "PromotePartyLeader",
  disbandParty: "DisbandParty",
  getParty: "GetParty",
  sendChat: "SendChat",
} as const;

export const Events = {
  worldDelta: "WorldDelta",
  zoneChanged: "ZoneChanged",
  correction: "Correction",
  combat: "Combat",
  vitals: "Vitals",
  chat: "Chat",
  partyChanged: "PartyChanged",
  partyInvited: "PartyInvited",
  reward: "Reward",
  sheetChanged: "SheetChanged",
  error: "Error",
} as const;

/** Error code names by number (Sunderfall.Protocol/Errors/ErrorCode.cs). */
const errorNames = [
  "None", "InvalidArgument", "NameTaken", "CharacterNotFound", "NotInWorld", "MoveRejected", "Unavailable",
  "AlreadyInWorld", "Internal", "Forbidden", "RateLimited", "LimitReached", "SessionReplaced", "SessionEnded",
  "Kicked", "OnCooldown", "NotEnoughResource", "InvalidTarget", "OutOfRange", "Dead", "PartyRule",
  "AlreadyInParty", "PlayerOffline", "InventoryRule", "NotFound", "NoLineOfSight",
];

/** The name of an error code, whether the server sent it as a number or a name. */
export function errorName(code: string | number | undefined): string {
  if (typeof code === "number") {
    return errorNames[code] ?? `Error${code}`;
  }
  return code ?? "";
}

export interface ServerError {
  code: string | number;
  message: string;
}

export interface CallResult<T> {
  ok: boolean;
  value?: T | null;
  error?: ServerError | null;
}

export interface CharacterInfo {
  id: string;
  name: string;
  class: string;
  level: number;
  zoneId: string;
  x: number;
  y: number;
}

export interface CharacterList {
  characters: CharacterInfo[];
}

export interface ZoneEntered {
  zoneId: string;
  template: string;
  width: number;
  height: number;
  selfNetId: number;
  viewRadius: number;
  /** The zone's tick in ms: WorldDelta.tick times this is the zone's clock. */
  tickMilliseconds: number;
}

export interface WorldDelta {
  zoneId: string;
  tick: number;
  ackInput: number;
  selfNetId: number;
  payload: Uint8Array;
}

export interface MoveCorrection {
  x: number;
  y: number;
  error: ServerError;
}

export const CombatKind = { castStarted: 1, used: 2, damage: 3, heal: 4, died: 5, respawned: 6 } as const;

export interface CombatEventInfo {
  kind: number;
  sourceNetId: number;
  targetNetId: number;
  abilityId: string;
  amount: number;
  critical: boolean;
}

export interface CombatEvents {
  tick: number;
  events: CombatEventInfo[];
}

export interface Vitals {
  health: number;
  maxHealth: number;
  resource: number;
  maxResource: number;
  dead: boolean;
  casting?: string | null;
}

export interface StatsInfo {
  strength: number;
  agility: number;
  intellect: number;
  stamina: number;
  armor: number;
  maxHealth: number;
  maxResource: number;
  power: number;
}

export interface InventoryItemInfo {
  slot: number;
  itemId: string;
  count: number;
}

export interface ItemCountInfo {
  itemId: string;
  count: number;
}

export interface CharacterSheetInfo {
  id: string;
  name: string;
  class: string;
  level: number;
  experience: number;
  experienceToNextLevel: number;
  gold: number;
  stats: StatsInfo;
  bag: InventoryItemInfo[];
  bagCapacity: number;
  equipped: Record<string, string>;
  overflow: ItemCountInfo[];
}

export interface RewardInfo {
  encounterId: string;
  experience: number;
  gold: number;
  items: ItemCountInfo[];
  at: number;
  sheet?: CharacterSheetInfo | null;
}

export interface PartyMemberInfo {
  id: string;
  name: string;
}

export interface PartyInfo {
  partyId: string;
  leaderId: string;
  members: PartyMemberInfo[];
  maxSize: number;
}

export interface PartyInviteInfo {
  partyId: string;
  fromId: string;
  fromName: string;
  expiresAt: number;
}

export interface ChatMessage {
  channel: string;
  fromId: string;
  from: string;
  to?: string | null;
  text: string;
  at: number;
}

export interface AuthResponse {
  accountId: string;
  username: string;
  roles: string[];
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface ApiError {
  code: string;
  message: string;
}

export interface PortalInfo {
  id: string;
  x: number;
  y: number;
  radius: number;
  targetZone: string;
}

export interface ZoneMapInfo {
  id: string;
  name: string;
  tileSize: number;
  tiles: string[];
  width: number;
  height: number;
  portals: PortalInfo[];
}

export interface ClassInfo {
  id: string;
  name: string;
  abilities: string[];
}

export interface AbilityInfo {
  id: string;
  name: string;
  target: string;
  resourceCost: number;
  cooldownSeconds: number;
  range: number;
  castSeconds: number;
}

export interface ItemInfo {
  id: string;
  name: string;
  kind: string;
  slot: string;
  heal: number;
}

export interface GameCatalogInfo {
  classes: ClassInfo[];
  abilities: AbilityInfo[];
  items: ItemInfo[];
}

/** Copies a decoded message with every object key in camelCase; byte arrays and dictionary values pass unchanged. */
export function normalize<T>(value: unknown): T {
  return convert(value) as T;
}

function convert(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(convert);
  }
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) {
      out[camel(String(k))] = convert(v);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[camel(k)] = convert(v);
  }
  return out;
}

function camel(key: string): string {
  return key.length > 0 && key[0] >= "A" && key[0] <= "Z" ? key[0].toLowerCase() + key.slice(1) : key;
}
