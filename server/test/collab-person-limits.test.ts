/**
 * Limits per person across all their collab connections: how many they may have open, and how
 * many bytes a second they may send together, so more connections do not multiply the
 * per-connection rate limit. Small limits here; the defaults are in config.ts.
 */
import { closeCodes, messageAuth } from "@roundtable/collab";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { openRawCollabSocket, type RawCollabSocket } from "./support/raw-collab-socket.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const maxConnectionsPerPerson = 3;
// A burst of four seconds' worth: refilling it takes longer than any reconnect here, however loaded the machine.
const maxBytesPerPersonPerSecond = 32 * 1024;
const personByteBurst = 128 * 1024;
const maxMessageBytes = 64 * 1024;

const server = useTestServer({ collab: { maxConnectionsPerPerson, maxBytesPerPersonPerSecond, personByteBurst, maxMessageBytes } });
let priya: SignedIn;
let tom: SignedIn;
let documentId: string;
let sockets: RawCollabSocket[] = [];

beforeAll(async () => {
  [priya, tom] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "tom.hughes")]);
  documentId = (await carePlanOf(priya, "Jamie Walker")).documentId;
});
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
});

async function connect(who: SignedIn): Promise<RawCollabSocket> {
  const s = await openRawCollabSocket(server.url, documentId, who.cookie);
  sockets.push(s);
  return s;
}

async function closeAll(): Promise<void> {
  for (const s of sockets) s.ws.close();
  await Promise.all(sockets.map((s) => s.closed));
  sockets = [];
}

describe("collab limits per person", () => {
  it("closes a person's connection past their limit, with its own code and reason, and lets others in", async () => {
    const allowed = await Promise.all(Array.from({ length: maxConnectionsPerPerson }, () => connect(priya)));
    const extra = await connect(priya);
    expect(await extra.closed).toEqual({
      code: closeCodes.tooManyConnections,
      reason: `You have too many documents open: the limit is ${maxConnectionsPerPerson}. Close some tabs and try again.`,
    });
    expect(allowed.every((s) => s.isOpen())).toBe(true);
    // Refused before anything is loaded: a document nobody has open stays unloaded.
    const otherDocument = (await carePlanOf(priya, "Kai Thompson")).documentId;
    const elsewhere = await openRawCollabSocket(server.url, otherDocument, priya.cookie);
    sockets.push(elsewhere);
    expect((await elsewhere.closed).code).toBe(closeCodes.tooManyConnections);
    expect(server.registry.isLoaded(otherDocument)).toBe(false);
    const someoneElse = await connect(tom);
    expect(someoneElse.isOpen()).toBe(true);
    // Closing one makes room for another.
    allowed[0]!.ws.close();
    await allowed[0]!.closed;
    const again = await connect(priya);
    await waitFor(() => again.received() > 0, { what: "a connection joining once there is room" });
    expect(again.isOpen()).toBe(true);
    expect(extra.received()).toBe(0);
    await closeAll();
  });

  it("closes the connection that takes a person past their bytes a second across all their connections", async () => {
    const mine = await Promise.all(Array.from({ length: maxConnectionsPerPerson }, () => connect(priya)));
    const bystander = await connect(tom);
    // Each connection sends well under the per-connection limit (2 MiB a second); together they
    // send three times what one person may. Frames the room ignores (padded auth messages).
    const frame = new Uint8Array(maxMessageBytes - 1024);
    frame[0] = messageAuth;
    for (let round = 0; round < 2; round++) for (const s of mine) if (s.isOpen()) s.ws.send(frame);
    const closed = await Promise.race(mine.map((s) => s.closed));
    expect(closed).toEqual({
      code: closeCodes.rateLimited,
      reason: `Too much data from all your connections together: the limit is ${maxBytesPerPersonPerSecond} bytes a second`,
    });
    expect(bystander.isOpen()).toBe(true);
    await closeAll();
  });

  it("keeps a person's spent bytes a second when they close everything and reconnect", async () => {
    // Frames the room ignores; two nearly empty the person's bucket.
    const frame = new Uint8Array(maxMessageBytes - 1024);
    frame[0] = messageAuth;
    const first = await connect(priya);
    first.ws.send(frame);
    first.ws.send(frame);
    first.ws.close();
    await first.closed;
    // A fresh bucket would take these; the kept one has refilled only for the time reconnecting took.
    const again = await connect(priya);
    again.ws.send(frame);
    again.ws.send(frame);
    expect(await again.closed).toEqual({
      code: closeCodes.rateLimited,
      reason: `Too much data from all your connections together: the limit is ${maxBytesPerPersonPerSecond} bytes a second`,
    });
    sockets = [];
  });
});
