/**
 * Per-connection rate limits on the collab websocket: a flood closes that one connection with
 * closeCodes.rateLimited and a reason, everyone else carries on, a stock client reconnects
 * without losing its edits, and ordinary typing never comes near the limit.
 */
import { closeCodes, messageAuth, messageAwareness, messageSync } from "@roundtable/collab";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { defaultCollabConfig } from "../src/config.js";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, typeInto, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let tom: SignedIn;
let documentId: string;
const cleanups: (() => void)[] = [];

const limits = defaultCollabConfig;

interface RawSocket {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}

async function rawSocket(who: SignedIn): Promise<RawSocket> {
  const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/${documentId}`, { headers: { cookie: who.cookie } });
  ws.on("error", () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  cleanups.push(() => ws.terminate());
  return { ws, closed };
}

async function open(who: SignedIn): Promise<CollabClient> {
  const c = await connectCollab(server.url, documentId, who.cookie);
  cleanups.push(() => c.destroy());
  return c;
}

function isOpen(s: RawSocket): boolean {
  return s.ws.readyState === WebSocket.OPEN;
}

/** Real document edits, one message each, as a runaway client would send them. */
function editMessages(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const messages: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeUpdate(e, update);
    messages.push(encoding.toUint8Array(e));
  });
  for (let i = 0; i < count; i++) doc.getMap("flood").set("n", i);
  return messages;
}

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  tom = await signIn(server.url, "tom.hughes");
  documentId = (await carePlanOf(priya, "Jamie Walker")).documentId;
});
afterAll(async () => {
  for (const fn of cleanups) fn();
});

describe("collab rate limits", () => {
  it("closes a connection that floods messages, with the rate-limit code and a reason, and nobody else's", async () => {
    const bystander = await open(priya);
    const calm = await rawSocket(tom);
    const flooder = await rawSocket(priya); // the same person: the limit is per connection
    for (const message of editMessages(limits.messageBurst * 3)) flooder.ws.send(message);
    expect(await flooder.closed).toEqual({
      code: closeCodes.rateLimited,
      reason: `Too many messages: the limit is ${limits.maxMessagesPerSecond} a second`,
    });

    expect(isOpen(calm)).toBe(true);
    const writer = await open(tom);
    typeInto(writer.doc, "Written after someone else's flood.");
    await waitFor(() => bystander.text().includes("Written after someone else's flood."), { what: "an edit after the flood" });
    expect(isOpen(calm)).toBe(true);
    // Rate-limited is not refused: the same person may connect again straight away.
    expect(await upgradeStatus(server.url, documentId, priya.cookie)).toBe("open");
  });

  it("closes a connection that sends more bytes a second than allowed", async () => {
    const bystander = await rawSocket(tom);
    const flooder = await rawSocket(priya);
    // Each frame is within the size limit and ignored by the room (an auth message with padding).
    const frame = new Uint8Array(limits.maxMessageBytes);
    frame[0] = messageAuth;
    const frames = Math.ceil(limits.byteBurst / limits.maxMessageBytes) + 4;
    for (let i = 0; i < frames; i++) flooder.ws.send(frame);
    expect(await flooder.closed).toEqual({
      code: closeCodes.rateLimited,
      reason: `Too much data: the limit is ${limits.maxBytesPerSecond} bytes a second`,
    });
    expect(isOpen(bystander)).toBe(true);
  });

  it("counts pings too, even when they come slowly enough for ws's own pong backlog limit", async () => {
    const flooder = await rawSocket(priya);
    let pongs = 0;
    flooder.ws.on("pong", () => pongs++);
    // ws terminates a socket with 60 unanswered pings; stay under that, batch by batch.
    for (let sent = 0; sent < limits.messageBurst * 3 && isOpen(flooder); sent += 20) {
      for (let i = 0; i < 20; i++) flooder.ws.ping();
      await waitFor(() => pongs >= sent + 20 || !isOpen(flooder), { what: "the pongs" });
    }
    expect(await flooder.closed).toEqual({
      code: closeCodes.rateLimited,
      reason: `Too many messages: the limit is ${limits.maxMessagesPerSecond} a second`,
    });
  });

  it("lets a stock client that typed too fast reconnect, and loses none of its edits", async () => {
    const reader = await open(tom);
    const fast = await open(priya);
    const closes: number[] = [];
    fast.provider.on("connection-close", (event) => {
      if (event) closes.push(event.code);
    });
    const edits = limits.messageBurst * 3;
    for (let i = 0; i < edits; i++) fast.doc.getMap("runaway").set(`k${i}`, i);
    await waitFor(() => closes.includes(closeCodes.rateLimited), { what: "the rate-limit close" });
    await waitFor(() => reader.doc.getMap("runaway").size === edits, { timeoutMs: 10_000, what: "every edit after the reconnect" });
    await waitFor(() => fast.provider.synced, { what: "the fast client to be back in sync" });
  });

  it("reads nothing more from a connection once it has decided to close it", async () => {
    const flooder = await rawSocket(priya);
    const doc = new Y.Doc();
    const edits: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageSync);
      syncProtocol.writeUpdate(e, update);
      edits.push(encoding.toUint8Array(e));
    });
    doc.getText("after-close").insert(0, "sent behind a broken frame");
    flooder.ws.send(new Uint8Array([messageSync, 2, 250, 250, 250])); // truncated: closes the connection
    for (const edit of edits) flooder.ws.send(edit);
    expect((await flooder.closed).code).toBe(closeCodes.malformed);
    const fresh = await open(tom);
    expect(fresh.doc.getText("after-close").toString()).toBe("");
  });

  it("never closes ordinary typing: 50 updates and 50 cursor moves a second for 2 seconds", async () => {
    const reader = await open(tom);
    const typist = await rawSocket(priya);
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    doc.on("update", (update: Uint8Array) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageSync);
      syncProtocol.writeUpdate(e, update);
      typist.ws.send(encoding.toUint8Array(e));
    });
    const sendCursor = (n: number) => {
      awareness.setLocalState({ cursor: n });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageAwareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
      typist.ws.send(encoding.toUint8Array(e));
    };
    const text = doc.getText("typing");
    const started = Date.now();
    for (let n = 0; n < 100; n++) {
      // Keep to 50 a second on average, as a fast typist would.
      const due = started + n * 20;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      text.insert(text.length, "x");
      sendCursor(n);
    }
    await waitFor(() => reader.doc.getText("typing").length === 100, { what: "every keystroke" });
    expect(isOpen(typist)).toBe(true);
    awareness.destroy();
  });
});
