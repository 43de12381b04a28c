/**
 * Deep nesting: 20,000 nested quotes in a meeting's minutes (valid Yjs, ≈423 KB) are refused
 * with a clear close reason, and the minutes still open, export and project. A document nested
 * that deep that is already stored (made with the limit raised) opens, exports and projects too:
 * every server walk of document content is iterative. Nor can the limit be passed by sending a
 * deep chain in chunks, deepest first, which Yjs holds back until the top chunk arrives.
 */
import { randomUUID } from "node:crypto";
import { closeCodes } from "@roundtable/collab";
import { maxNestingDepth, type Action, type Meeting } from "@roundtable/domain";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { RunningServer } from "../src/server.js";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { openRawCollabSocket } from "./support/raw-collab-socket.js";
import { createTestStorage, startTestServer, type TestStorage } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const levels = 20_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const fn of cleanups.reverse()) await fn();
});

async function start(storage: TestStorage): Promise<RunningServer> {
  const server = await startTestServer(storage);
  cleanups.push(() => server.close());
  return server;
}

async function bookMeeting(server: RunningServer): Promise<{ priya: SignedIn; meeting: Meeting }> {
  const priya = await signIn(server.url, "priya.shah");
  const jamie = await caseNamed(priya, "Jamie Walker");
  const res = await priya.post<Meeting>("/api/meetings", { type: "tracker", startsAt: "2026-12-03T10:00:00Z", caseIds: [jamie.id] });
  expect(res.status).toBe(201);
  return { priya, meeting: res.body };
}

/** `levels` blockquotes, each inside the one before, round a paragraph; built top-down, as Yjs integrates a prebuilt deep tree recursively. */
function deeplyNestedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  let update: Uint8Array | null = null;
  doc.on("update", (u: Uint8Array) => {
    update = u;
  });
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment("default");
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement("blockquote");
      parent.insert(parent.length, [quote]);
      parent = quote;
    }
    const p = new Y.XmlElement("paragraph");
    parent.insert(0, [p]);
    p.insert(0, [new Y.XmlText("Deep inside")]);
  });
  return update!;
}

/** The minutes' text, read with Yjs's own tree walker: its toString() recurses, and fails this deep. */
function textOf(doc: Y.Doc): string {
  const walker = doc.getXmlFragment("default").createTreeWalker((n) => n instanceof Y.XmlText);
  return [...walker].map((t) => t.toString()).join("\n");
}

/** How many elements deep the document nests (Yjs's tree walker is iterative). */
function depthOf(doc: Y.Doc): number {
  let deepest = 0;
  for (const element of doc.getXmlFragment("default").createTreeWalker((n) => n instanceof Y.XmlElement)) {
    let depth = 0;
    for (let node: unknown = element; node instanceof Y.XmlElement; node = node.parent) depth++;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/**
 * `chunks` × 20 nested quotes, each chunk written under a client id of its own inside the one
 * before, returned deepest first: each chunk alone is shallow, and hangs from one the server
 * does not have yet.
 */
function deepChainInChunks(chunks: number): Uint8Array[] {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  let parent: Y.XmlFragment | Y.XmlElement = source.getXmlFragment("default");
  for (let c = 0; c < chunks; c++) {
    source.clientID = 0x4000_0000 + c;
    const before = Y.encodeStateVector(source);
    source.transact(() => {
      for (let i = 0; i < 20; i++) {
        const quote = new Y.XmlElement("blockquote");
        parent.insert(parent.length, [quote]);
        parent = quote;
      }
    });
    updates.push(Y.encodeStateAsUpdate(source, before));
  }
  return updates.reverse();
}

async function open(server: RunningServer, documentId: string, who: SignedIn): Promise<CollabClient> {
  const client = await connectCollab(server.url, documentId, who.cookie);
  cleanups.push(() => client.destroy());
  return client;
}

/** The minutes still work: they open, export as a PDF, and an action written in them is tracked. */
async function expectMinutesWork(server: RunningServer, priya: SignedIn, meeting: Meeting): Promise<CollabClient> {
  const minutes = await open(server, meeting.minutesDocumentId!, priya);
  expect(textOf(minutes.doc)).toContain("Review: Jamie Walker");
  const pdf = await fetch(`${server.url}/api/meetings/${meeting.id}/minutes.pdf`, { headers: { cookie: priya.cookie } });
  expect(pdf.status).toBe(200);
  expect(pdf.headers.get("content-type")).toBe("application/pdf");
  const id = randomUUID();
  const action = new Y.XmlElement("actionItem");
  action.setAttribute("id", id);
  action.setAttribute("ownerId", priya.personId);
  action.insert(0, [new Y.XmlText("Check the minutes still project")]);
  // In the child's own section of the tracker meeting (ADR 0017), which says whose action it is.
  const section = await open(server, meeting.caseMinutes[0]!.documentId, priya);
  section.doc.getXmlFragment("default").insert(1, [action]);
  await waitFor(async () => (await priya.get<Action[]>("/api/actions?owner=me")).body.some((a) => a.id === id), { timeoutMs: 10_000, what: "the action to be tracked" });
  return minutes;
}

describe("deeply nested content", { timeout: 120_000 }, () => {
  it("refuses a 20,000-deep update in a meeting's minutes, closing with the reason, and the minutes still work", async () => {
    const storage = await createTestStorage();
    cleanups.push(() => storage.cleanup());
    const server = await start(storage);
    const { priya, meeting } = await bookMeeting(server);
    const update = deeplyNestedUpdate();
    expect(update.byteLength).toBeGreaterThan(400_000);
    const socket = await openRawCollabSocket(server.url, meeting.minutesDocumentId!, priya.cookie);
    socket.sendUpdate(update);
    expect(await socket.closed).toEqual({ code: closeCodes.nestedTooDeep, reason: `Content is nested more than ${maxNestingDepth} levels deep` });
    const minutes = await expectMinutesWork(server, priya, meeting);
    expect(textOf(minutes.doc)).not.toContain("Deep inside");
  });

  it("refuses a 2,000-deep chain sent deepest-first in 100 chunks of 20 levels, and the minutes stay shallow", async () => {
    const storage = await createTestStorage();
    cleanups.push(() => storage.cleanup());
    const server = await start(storage);
    const { priya, meeting } = await bookMeeting(server);
    // Someone else has the minutes open: without the limit, the whole chain would reach them.
    const watcher = await open(server, meeting.minutesDocumentId!, priya);
    const appliedDeep = new Promise<string>((resolve) =>
      watcher.doc.on("update", () => {
        if (depthOf(watcher.doc) > maxNestingDepth) resolve("the chain was applied");
      }),
    );
    const socket = await openRawCollabSocket(server.url, meeting.minutesDocumentId!, priya.cookie);
    for (const chunk of deepChainInChunks(100)) if (socket.isOpen()) socket.sendUpdate(chunk);
    expect(await Promise.race([socket.closed, appliedDeep])).toEqual({
      code: closeCodes.nestedTooDeep,
      reason: `Content is nested more than ${maxNestingDepth} levels deep`,
    });
    expect(depthOf(watcher.doc)).toBeLessThanOrEqual(maxNestingDepth);
    const minutes = await expectMinutesWork(server, priya, meeting);
    expect(depthOf(minutes.doc)).toBeLessThanOrEqual(maxNestingDepth);
  });

  it("opens, exports and projects minutes nested 20,000 deep that were stored before the limit", async () => {
    const storage = await createTestStorage({ maxNestingDepth: 1_000_000 });
    cleanups.push(() => storage.cleanup());
    const before = await start(storage);
    const { priya, meeting } = await bookMeeting(before);
    const socket = await openRawCollabSocket(before.url, meeting.minutesDocumentId!, priya.cookie);
    socket.sendUpdate(deeplyNestedUpdate());
    const watcher = await open(before, meeting.minutesDocumentId!, priya);
    await waitFor(() => textOf(watcher.doc).includes("Deep inside"), { timeoutMs: 10_000, what: "the deep content to be accepted" });
    socket.ws.close();
    watcher.destroy();
    await before.close();

    storage.config.collab.maxNestingDepth = maxNestingDepth;
    const after = await start(storage);
    const again = await signIn(after.url, "priya.shah");
    const minutes = await expectMinutesWork(after, again, meeting);
    expect(textOf(minutes.doc)).toContain("Deep inside");
  });
});
