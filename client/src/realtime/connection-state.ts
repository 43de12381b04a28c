/**
 * The one line that tells people whether their work is safe. Pure: given the facts about the
 * connection and the clock, it says which state to show. The words are part of the contract
 * (end-to-end tests read them), so change them only together with the tests.
 */
export const connectionStates = {
  connecting: "Connecting…",
  saved: "Saved",
  saving: "Saving…",
  reconnecting: "Reconnecting",
  offline: "Offline — changes kept on this device and sent when you reconnect",
  notSaving: "Not saving — your changes are kept on this device",
  stopped: "Not connected",
  tooManyOpen: "You have too many documents open. Close some tabs; we'll keep trying.",
} as const;

export type ConnectionState = (typeof connectionStates)[keyof typeof connectionStates];

/** How long a dropped connection may take to come back before we call it offline. */
export const offlineAfterMs = 2000;

export interface ConnectionFacts {
  /** navigator.onLine */
  online: boolean;
  /** The websocket is open and the document has synced with the server. */
  live: boolean;
  /** When `live` last became false (or when the page opened). */
  notLiveSince: number;
  /** The document has synced with the server at least once on this page. */
  everSynced: boolean;
  /** A connection attempt has already failed on this page. */
  attemptFailed: boolean;
  /** The server ended the connection for good (access withdrawn). */
  stopped: boolean;
  /** Some of this device's changes are not yet durably stored. */
  unsaved: boolean;
  /** The server says it cannot save edits just now (its database is away); only for people who may edit. */
  serverNotSaving: boolean;
  /** The server turned the last attempt away because this person has too many documents open (it keeps trying). */
  tooManyOpen: boolean;
}

export function describeConnection(facts: ConnectionFacts, now: number): ConnectionState {
  if (facts.stopped) return connectionStates.stopped;
  if (!facts.online) return connectionStates.offline;
  if (facts.live) {
    if (facts.serverNotSaving) return connectionStates.notSaving;
    return facts.unsaved ? connectionStates.saving : connectionStates.saved;
  }
  // Said instead of Reconnecting or Offline: only the person can fix it, by closing something.
  if (facts.tooManyOpen) return connectionStates.tooManyOpen;
  const downForLong = now - facts.notLiveSince > offlineAfterMs;
  if (!facts.everSynced) {
    return facts.attemptFailed || downForLong ? connectionStates.offline : connectionStates.connecting;
  }
  return downForLong ? connectionStates.offline : connectionStates.reconnecting;
}

/** When the state shown would change by the clock alone (for a timer), or null if it would not. */
export function nextChangeAt(facts: ConnectionFacts): number | null {
  if (facts.stopped || !facts.online || facts.live || facts.tooManyOpen) return null;
  return facts.notLiveSince + offlineAfterMs + 1;
}

/**
 * What a screen reader should hear as the state line changes. The line flips Saving… ⇄ Saved
 * with every keystroke; announcing that would talk over the person typing. So only a change of
 * state is said (Saved → Offline → Reconnecting → Saved): Saving… and Connecting… are never said
 * on their own, and a state is said only when it differs from the last one said. The page's
 * first settled state is taken as heard (the page shows it); `lastSaid` is null until then.
 */
export function announcementFor(lastSaid: ConnectionState | null, next: ConnectionState): { say: string | null; lastSaid: ConnectionState | null } {
  // Passing states: said by what they turn into.
  if (next === connectionStates.saving || next === connectionStates.connecting) return { say: null, lastSaid };
  if (lastSaid === null || lastSaid === next) return { say: null, lastSaid: next };
  return { say: next, lastSaid: next };
}
