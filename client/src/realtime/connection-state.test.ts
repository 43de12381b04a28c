import { describe, expect, it } from "vitest";
import { announcementFor, connectionStates, describeConnection, nextChangeAt, type ConnectionFacts, type ConnectionState } from "./connection-state";

const live: ConnectionFacts = {
  online: true,
  live: true,
  notLiveSince: 0,
  everSynced: true,
  attemptFailed: false,
  stopped: false,
  unsaved: false,
  serverNotSaving: false,
  tooManyOpen: false,
};

describe("describeConnection", () => {
  it("says Saved when connected and nothing is owed", () => {
    expect(describeConnection(live, 10_000)).toBe("Saved");
  });

  it("says Saving… while local edits are not yet stored", () => {
    expect(describeConnection({ ...live, unsaved: true }, 10_000)).toBe("Saving…");
  });

  it("says Not saving while the server cannot save edits, and Saved once it can again", () => {
    const notSaving = { ...live, unsaved: true, serverNotSaving: true };
    expect(describeConnection(notSaving, 10_000)).toBe("Not saving — your changes are kept on this device");
    expect(describeConnection({ ...notSaving, serverNotSaving: false, unsaved: false }, 10_000)).toBe("Saved");
  });

  it("says Offline whenever the browser is offline", () => {
    expect(describeConnection({ ...live, online: false }, 10_000)).toBe(connectionStates.offline);
  });

  it("says Reconnecting for the first two seconds after losing the connection, then Offline", () => {
    const dropped = { ...live, live: false, notLiveSince: 10_000 };
    expect(describeConnection(dropped, 11_000)).toBe("Reconnecting");
    expect(nextChangeAt(dropped)).toBe(12_001);
    expect(describeConnection(dropped, 12_500)).toBe(connectionStates.offline);
  });

  it("says Offline at once when the first connection fails", () => {
    const firstTry = { ...live, live: false, everSynced: false, notLiveSince: 10_000 };
    expect(describeConnection(firstTry, 10_100)).toBe("Connecting…");
    expect(describeConnection({ ...firstTry, attemptFailed: true }, 10_100)).toBe(connectionStates.offline);
  });

  it("says Not connected once access is withdrawn", () => {
    expect(describeConnection({ ...live, stopped: true, online: false }, 0)).toBe("Not connected");
  });

  it("says why it cannot connect when the person has too many documents open, while it keeps trying", () => {
    const turnedAway = { ...live, live: false, notLiveSince: 10_000, tooManyOpen: true };
    expect(describeConnection(turnedAway, 10_100)).toBe("You have too many documents open. Close some tabs; we'll keep trying.");
    expect(describeConnection(turnedAway, 60_000)).toBe(connectionStates.tooManyOpen); // not Offline later
    expect(nextChangeAt(turnedAway)).toBeNull();
    expect(describeConnection({ ...turnedAway, everSynced: false, attemptFailed: true }, 10_100)).toBe(connectionStates.tooManyOpen);
    // Once a connection gets in (the person closed something), back to the usual words.
    expect(describeConnection({ ...turnedAway, live: true, tooManyOpen: false }, 60_000)).toBe("Saved");
    expect(describeConnection({ ...turnedAway, online: false }, 10_100)).toBe(connectionStates.offline);
  });
});

describe("announcementFor", () => {
  /** Feeds the states in order, as the line shows them; returns what is said. */
  function said(states: ConnectionState[]): string[] {
    let lastSaid: ConnectionState | null = null;
    const out: string[] = [];
    for (const state of states) {
      const next = announcementFor(lastSaid, state);
      lastSaid = next.lastSaid;
      if (next.say) out.push(next.say);
    }
    return out;
  }
  const { connecting, saved, saving, offline, reconnecting, notSaving } = connectionStates;

  it("says nothing while someone types: Saving… and Saved take turns with every keystroke", () => {
    expect(said([connecting, saved, saving, saved, saving, saved, saving, saved])).toEqual([]);
  });

  it("says each change of state, once", () => {
    expect(said([saved, saving, offline, offline, reconnecting, saving, saved, saving, saved])).toEqual([offline, reconnecting, saved]);
  });

  it("says when the server stops saving, and when it saves again", () => {
    expect(said([saved, notSaving, notSaving, saving, saved])).toEqual([notSaving, saved]);
  });

  it("takes the first state as heard, whatever it is", () => {
    expect(said([offline])).toEqual([]);
    expect(said([saving, saving, saved])).toEqual([]);
  });
});
