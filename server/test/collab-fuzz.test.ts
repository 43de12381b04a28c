/**
 * Fuzzing the collab endpoint over real websockets: tens of thousands of random and broken
 * frames from an editor, from a read-only person and from nobody at all, while a bystander
 * editor stays connected. What must hold: the server stays up, only the offending connection is closed,
 * the care plan changes only through the edits this test makes on purpose, and memory, fresh
 * connections and storage agree afterwards.
 *
 * Replay a failure with FUZZ_SEED=<seed printed in the test name>; FUZZ_FRAMES scales the run.
 */
import { connect } from "node:net";
import { messageAwareness, messageQueryAwareness } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import { presenceColour } from "@roundtable/domain";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as awarenessProtocol from "y-protocols/awareness";
import WebSocket from "ws";
import * as Y from "yjs";
import { PostgresDocumentStorage } from "../src/collab/postgres-document-storage.js";
import { defaultCollabConfig } from "../src/config.js";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, fragmentText, typeInto, upgradeStatus, type CollabClient } from "./support/collab-client.js";
import {
  buildCorpus,
  cloneDoc,
  nextFrame,
  refusedEditKinds,
  syncFrame,
  type Corpus,
  type CorpusLimits,
  type Expectation,
  type Frame,
} from "./support/collab-fuzz-frames.js";
import { judge, trialApply } from "./support/collab-fuzz-oracle.js";
import { ProbedSocket } from "./support/probed-socket.js";
import { SeededRandom } from "./support/seeded-random.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const seed = Number(process.env.FUZZ_SEED ?? 20_240_611);
const totalFrames = Number(process.env.FUZZ_FRAMES ?? 21_000);
// About 27 s on a quiet 2-core machine; room for a busy one (a timeout is not what this tests).
const fuzzTimeoutMs = Math.max(120_000, totalFrames * 10);
// Frames may be bigger than usual here, so that an edit past the document size limit is refused
// for that, not for its frame size; the limit is far above what the fuzzing itself stores.
const maxDocumentBytes = 3 * 1024 * 1024;
const corpusLimits: CorpusLimits = { maxNestingDepth: defaultCollabConfig.maxNestingDepth, oversizeBytes: maxDocumentBytes + 256 * 1024 };

// Rate limits are tested in collab-limits.test.ts; here one socket sends as fast as it can.
const server = useTestServer({
  collab: {
    maxMessagesPerSecond: 1e9,
    messageBurst: 1e9,
    maxBytesPerSecond: 1e12,
    byteBurst: 1e12,
    maxBytesPerPersonPerSecond: 1e12,
    personByteBurst: 1e12,
    maxMessageBytes: 4 * 1024 * 1024,
    maxDocumentBytes,
    // Unload soon after the last connection goes, to check what is reloaded from storage; never
    // compact, so every stored change keeps its author for the checks below.
    unloadAfterMs: 100,
    compactAfterUpdates: 1e9,
  },
});
let priya: SignedIn; // edits both documents; the editor who fuzzes
let tom: SignedIn; // edits both; the bystander
let angela: SignedIn; // service lead: reads the care plan, may not edit it
let carePlanId: string;
let scratchId: string; // another care plan, where the editor's fuzzing may legitimately change things
const clients: CollabClient[] = [];
let bystander: CollabClient;
let scratchBystander: CollabClient;
const bystanderCloses: number[] = [];
let carePlanBefore: Y.Doc;
let carePlanRowsBefore = 0;
let scratchRowsBefore = 0;

async function open(who: SignedIn, documentId: string): Promise<CollabClient> {
  const c = await connectCollab(server.url, documentId, who.cookie);
  clients.push(c);
  return c;
}

async function updateRows(documentId: string) {
  await server.registry.updateLog.drain();
  return server.database.db
    .select()
    .from(schema.documentUpdates)
    .where(eq(schema.documentUpdates.documentId, documentId))
    .orderBy(asc(schema.documentUpdates.seq));
}

async function storedDoc(documentId: string): Promise<Y.Doc> {
  await server.registry.updateLog.drain();
  const doc = new Y.Doc();
  const { updates } = await new PostgresDocumentStorage(server.database.db).load(documentId);
  Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc;
}

function sameContent(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b)) && fragmentText(a) === fragmentText(b);
}

const collabUrl = (documentId: string) => `${server.url.replace("http", "ws")}/collab/${documentId}`;

interface FuzzTally {
  role: string;
  sent: number;
  skipped: number;
  closes: number;
  byCode: Record<string, number>;
  /** Frames sent, and how many of them closed the connection, by what the generator did. */
  byKind: Record<string, { sent: number; closed: number }>;
  /** Frames Yjs itself cannot apply to the document (some would half-apply without our check). */
  unapplicable: number;
  mismatches: string[];
}

interface FuzzRole {
  name: string;
  who: SignedIn;
  documentId: string;
  corpus: Corpus;
  rng: SeededRandom;
  frames: number;
  /** Weights to change from nextFrame's mix. */
  reweigh?: Record<string, number>;
  /** What must happen to the connection, or null to not send this frame at all. */
  expect(frame: Frame, tally: FuzzTally): Expectation | null;
}

function describeFrame(f: Frame): string {
  const data = typeof f.data === "string" ? JSON.stringify(f.data.slice(0, 60)) : Buffer.from(f.data.subarray(0, 120)).toString("hex");
  return `${f.kind} (${f.data.length} ${typeof f.data === "string" ? "chars" : "bytes"}): ${data}`;
}

/** Send `role.frames` frames one at a time, reconnecting whenever one closes the connection. */
async function fuzz(role: FuzzRole): Promise<FuzzTally> {
  const tally: FuzzTally = { role: role.name, sent: 0, skipped: 0, closes: 0, byCode: {}, byKind: {}, unapplicable: 0, mismatches: [] };
  let socket = await ProbedSocket.open(collabUrl(role.documentId), role.who.cookie);
  while (tally.sent < role.frames) {
    const frame = nextFrame(role.corpus, role.rng, role.reweigh);
    const expectation = role.expect(frame, tally);
    if (expectation === null) {
      tally.skipped++;
      continue;
    }
    tally.sent++;
    const kind = tally.byKind[frame.kind] ?? { sent: 0, closed: 0 };
    tally.byKind[frame.kind] = kind;
    kind.sent++;
    const outcome = await socket.send(frame.data);
    if (outcome.closed) {
      tally.closes++;
      kind.closed++;
      tally.byCode[outcome.code] = (tally.byCode[outcome.code] ?? 0) + 1;
      socket = await ProbedSocket.open(collabUrl(role.documentId), role.who.cookie);
    }
    const wrong = (expectation === "close" && !outcome.closed) || (expectation === "stay" && outcome.closed);
    if (wrong && tally.mismatches.length < 10) {
      const got = outcome.closed ? `closed ${outcome.code} "${outcome.reason}"` : "stayed open";
      tally.mismatches.push(`frame ${tally.sent}: expected ${expectation}, ${got}: ${describeFrame(frame)}`);
    }
  }
  socket.close();
  return tally;
}

/** A hand-made, masked websocket frame, for writing straight onto a TCP socket. */
function maskedFrame(payload: Uint8Array): Buffer {
  const header = payload.length < 126 ? Buffer.from([0x82, 0x80 | payload.length]) : Buffer.from([0x82, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  const mask = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

/** An upgrade request with frames already behind it on the same TCP write; resolves with what the server said. */
function rawUpgradeWithFrames(documentId: string, cookie: string | null, frames: Uint8Array[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1");
    let answer = "";
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
    const request =
      `GET /collab/${documentId} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${cookie === null ? "" : `Cookie: ${cookie}\r\n`}\r\n`;
    socket.write(Buffer.concat([Buffer.from(request, "latin1"), ...frames.map(maskedFrame)]));
  });
}

beforeAll(async () => {
  [priya, tom, angela] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "tom.hughes"), signIn(server.url, "angela.okafor")]);
  carePlanId = (await carePlanOf(priya, "Jamie Walker")).documentId;
  scratchId = (await carePlanOf(priya, "Ellie Brooks")).documentId;
  expect((await priya.get<{ access: string }>(`/api/documents/${carePlanId}`)).body.access).toBe("edit");
  expect((await tom.get<{ access: string }>(`/api/documents/${carePlanId}`)).body.access).toBe("edit");
  expect((await angela.get<{ access: string }>(`/api/documents/${carePlanId}`)).body.access).toBe("read");

  bystander = await open(tom, carePlanId);
  bystander.provider.awareness.setLocalState({ user: { name: "Tom" } });
  bystander.provider.on("connection-close", (event) => bystanderCloses.push(event?.code ?? 0));
  scratchBystander = await open(tom, scratchId);
  scratchBystander.provider.on("connection-close", (event) => bystanderCloses.push(event?.code ?? 0));

  carePlanBefore = cloneDoc(bystander.doc);
  carePlanRowsBefore = (await updateRows(carePlanId)).length;
  scratchRowsBefore = (await updateRows(scratchId)).length;
});

afterAll(async () => {
  for (const c of clients) c.destroy();
});

beforeEach(({ onTestFailed }) => {
  onTestFailed(() => console.error(`collab fuzz failed: replay with FUZZ_SEED=${seed} FUZZ_FRAMES=${totalFrames}`));
});

describe(`fuzzing the collab endpoint (seed ${seed})`, () => {
  it("refuses every upgrade without a valid session with 401, before any socket opens", async () => {
    const rng = new SeededRandom(seed ^ 0x0a0a);
    const signedOut = await signIn(server.url, "priya.shah");
    expect((await signedOut.post("/api/auth/logout", {})).status).toBe(204);
    const bogusCookies = [
      null,
      "",
      signedOut.cookie,
      "rt_session=",
      "rt_session=forged",
      `rt_session=${priya.cookie.split("=")[1]!.split("").reverse().join("")}`,
      ...Array.from({ length: 60 }, () => `rt_session=${Buffer.from(rng.bytes(1 + rng.int(64))).toString("hex")}`),
      ...Array.from({ length: 60 }, () => String.fromCharCode(...rng.bytes(1 + rng.int(200)).map((b) => 32 + (b % 95)))),
      ...Array.from({ length: 20 }, () => `other=1; rt_session=${Buffer.from(rng.bytes(32)).toString("base64url")}; x=${"y".repeat(rng.int(2000))}`),
    ];
    for (const cookie of bogusCookies) {
      for (const documentId of [carePlanId, scratchId]) {
        expect(await upgradeStatus(server.url, documentId, cookie ?? undefined), `cookie ${JSON.stringify(cookie)}`).toBe(401);
      }
    }
    // Frames written right behind the upgrade request are never read.
    const edit = Y.encodeStateAsUpdate(
      (() => {
        const d = cloneDoc(carePlanBefore);
        typeInto(d, "An edit nobody signed in should be able to make.");
        return d;
      })(),
      Y.encodeStateVector(carePlanBefore),
    );
    for (let i = 0; i < 40; i++) {
      const answer = await rawUpgradeWithFrames(carePlanId, i % 2 === 0 ? null : "rt_session=forged", [syncFrame(2, edit), ...Array.from({ length: 5 }, () => rng.bytes(rng.int(100)))]);
      expect(answer.startsWith("HTTP/1.1 401 ")).toBe(true);
      expect(answer).not.toContain("101 Switching Protocols");
    }
    expect(fragmentText(bystander.doc)).toBe(fragmentText(carePlanBefore));
  });

  it(`closes only the offending connection for each of ${totalFrames} broken and random frames, from an editor and a reader`, async () => {
    const started = Date.now();
    const bystanderPresence = awarenessProtocol.encodeAwarenessUpdate(bystander.provider.awareness, [bystander.doc.clientID]);
    const scratchBefore = cloneDoc(scratchBystander.doc);
    const roleRng = (n: number) => new SeededRandom(seed * 31 + n);
    // The care plan's editor sends mostly frames that close (it may not send valid edits), and
    // every close costs a new upgrade (a session and access lookup): give it the smaller share.
    const share = Math.floor(totalFrames / 21);
    const editorShare = totalFrames - share * 20;
    const roles: FuzzRole[] = [
      {
        // An editor on another document: anything goes, including changes (they are permitted).
        name: "editor on a scratch document",
        who: priya,
        documentId: scratchId,
        corpus: buildCorpus(scratchBefore, roleRng(1), [], corpusLimits),
        rng: roleRng(11),
        frames: share * 10,
        expect: (frame) => (frame.kind === "valid frame" ? "stay" : refusedEditKinds.has(frame.kind) ? "close" : judge(frame, scratchBefore).expect),
      },
      {
        // A reader on the care plan: even perfectly valid edits must be dropped, not applied.
        name: "reader on the care plan",
        who: angela,
        documentId: carePlanId,
        corpus: buildCorpus(carePlanBefore, roleRng(2), [bystanderPresence], corpusLimits),
        rng: roleRng(12),
        frames: share * 10,
        // A reader's edits are dropped before they are checked, however deep or large.
        expect: (frame) => (frame.kind === "valid frame" || refusedEditKinds.has(frame.kind) ? "stay" : judge(frame, carePlanBefore).expect),
      },
      {
        // An editor on the care plan, sending only what must not change it: every update Yjs
        // itself cannot apply to the document must close the connection and change nothing.
        name: "editor on the care plan",
        who: priya,
        documentId: carePlanId,
        corpus: buildCorpus(carePlanBefore, roleRng(3), [bystanderPresence], corpusLimits),
        rng: roleRng(13),
        frames: editorShare,
        reweigh: { "valid edit with a broken update": 8 },
        expect: (frame, tally) => {
          if (refusedEditKinds.has(frame.kind)) return "close"; // and the care plan is unchanged (checked below)
          const verdict = judge(frame, carePlanBefore);
          if (!verdict.update) return verdict.expect;
          const trial = trialApply(carePlanBefore, verdict.update);
          if (trial === "changes") return null; // a valid edit: the care plan may only change on purpose
          if (trial === "throws") {
            tally.unapplicable++;
            return "close";
          }
          return "either";
        },
      },
    ];
    const tallies = await Promise.all(roles.map(fuzz));
    const seconds = (Date.now() - started) / 1000;
    const sent = tallies.reduce((n, t) => n + t.sent, 0);
    console.info(`collab fuzz, seed ${seed}: ${sent} frames over websockets in ${seconds} s`);
    for (const { mismatches, ...t } of tallies) console.info(JSON.stringify({ ...t, mismatches: mismatches.length }));

    expect(sent).toBe(totalFrames);
    expect(tallies.flatMap((t) => t.mismatches.map((m) => `${t.role}: ${m}`))).toEqual([]);
    for (const t of tallies) {
      expect(t.closes, `${t.role} closes`).toBeGreaterThan(t.sent / 20);
      expect(t.closes, `${t.role} closes`).toBeLessThan(t.sent);
      expect(t.byCode["1011"], `${t.role}: internal errors`).toBeUndefined();
    }
    expect(tallies[2]!.unapplicable, "updates Yjs cannot apply, sent by the care plan's editor").toBeGreaterThan(0);
    for (const kind of refusedEditKinds) expect(tallies.reduce((n, t) => n + (t.byKind[kind]?.sent ?? 0), 0), `${kind} frames sent`).toBeGreaterThan(0);
    expect(bystanderCloses).toEqual([]);
  }, fuzzTimeoutMs);

  it("stays up: health answers and new connections sync", async () => {
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const fresh = await open(angela, carePlanId);
    expect(fresh.text()).toBe(fragmentText(carePlanBefore));
  });

  it("answers a flood of presence queries at most once a second, and stays open", async () => {
    const ws = new WebSocket(collabUrl(carePlanId), { headers: { cookie: angela.cookie } });
    let answers = 0;
    ws.on("message", (data: Buffer) => {
      if (data[0] === messageAwareness) answers++;
    });
    await new Promise((resolve, reject) => {
      ws.once("open", resolve);
      ws.once("error", reject);
    });
    const pong = () => new Promise((resolve) => ws.once("pong", resolve));
    let ponged = pong();
    ws.ping();
    await ponged; // joined: the bystander's presence has been sent once
    const joined = answers;
    const started = Date.now();
    for (let i = 0; i < 2000; i++) ws.send(new Uint8Array([messageQueryAwareness]));
    ponged = pong();
    ws.ping();
    await ponged; // every query read, none closed it
    const seconds = (Date.now() - started) / 1000;
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(answers - joined).toBeGreaterThanOrEqual(1);
    expect(answers - joined).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    // The rest are folded into one later answer, not dropped: one more query, one more answer.
    const soFar = answers;
    ws.send(new Uint8Array([messageQueryAwareness]));
    await waitFor(() => answers > soFar || ws.readyState !== WebSocket.OPEN, { what: "the deferred answer", timeoutMs: 5000 });
    expect(answers).toBe(soFar + 1);
    ws.terminate();
  });

  it("leaves the care plan exactly as it was, in memory, for a new connection and in the update log", async () => {
    await server.registry.withRoom(carePlanId, (room) => {
      expect(sameContent(room.doc, carePlanBefore)).toBe(true);
      expect(room.doc.store.pendingStructs).toBeNull();
      expect(room.droppedUpdates).toBeGreaterThan(0); // the reader's valid edits arrived, and were dropped
    });
    expect((await updateRows(carePlanId)).length).toBe(carePlanRowsBefore);
    const fresh = await open(tom, carePlanId);
    expect(sameContent(fresh.doc, carePlanBefore)).toBe(true);
    expect(sameContent(bystander.doc, carePlanBefore)).toBe(true);
  });

  it("keeps the bystander's presence: nobody else could change or remove it", async () => {
    const fresh = await open(angela, carePlanId);
    await waitFor(() => fresh.provider.awareness.getStates().has(bystander.doc.clientID), { what: "the bystander's presence" });
    // The name and colour are the server's, from Tom's session, not what his client set.
    expect(fresh.provider.awareness.getStates().get(bystander.doc.clientID)).toEqual({ user: { name: "Tom Hughes", color: presenceColour(tom.personId) } });
  });

  it("keeps the scratch document's memory and storage in agreement, with every change by its editor", async () => {
    const stored = await server.registry.withRoom(scratchId, async (room) => {
      const stored = await storedDoc(scratchId);
      expect(Y.equalSnapshots(Y.snapshot(room.doc), Y.snapshot(stored))).toBe(true);
      expect(fragmentText(room.doc)).toBe(fragmentText(stored));
      return stored;
    });
    const written = (await updateRows(scratchId)).slice(scratchRowsBefore);
    expect(written.length).toBeGreaterThan(0);
    // Yjs tidies formatting after a change (removing marks made redundant) in a transaction of
    // its own, with no origin, so that is logged as the server's: it only ever deletes. Every
    // row that adds content is the editor's.
    const byServer = written.filter((r) => r.authorId === null);
    for (const r of byServer) expect(Y.decodeUpdate(r.update as Uint8Array).structs).toEqual([]);
    const changes = written.filter((r) => r.authorId !== null);
    expect(new Set(changes.map((r) => r.authorId))).toEqual(new Set([priya.personId]));
    const reader = await open(angela, scratchId);
    expect(Y.equalSnapshots(Y.snapshot(reader.doc), Y.snapshot(stored))).toBe(true);
  });

  it("carries a permitted editor's edit to the bystander opened before the fuzzing, and stores exactly that", async () => {
    const writer = await open(priya, carePlanId);
    let edit: Uint8Array | null = null;
    writer.doc.once("update", (u: Uint8Array) => (edit = u));
    typeInto(writer.doc, "After the fuzzing: a real edit by the keyworker.");
    await waitFor(() => bystander.text().includes("After the fuzzing: a real edit by the keyworker."), { what: "the edit at the bystander" });
    const expected = cloneDoc(carePlanBefore);
    Y.applyUpdate(expected, edit!);
    expect(sameContent(bystander.doc, expected)).toBe(true);

    const rows = await updateRows(carePlanId);
    expect(rows.length).toBe(carePlanRowsBefore + 1);
    expect(rows.at(-1)!.authorId).toBe(priya.personId);
    expect(sameContent(await storedDoc(carePlanId), expected)).toBe(true);

    // Unload the document and open it again: what comes back is what was stored.
    for (const c of clients.splice(0)) c.destroy();
    await waitFor(() => !server.registry.isLoaded(carePlanId), { what: "the care plan to unload" });
    const reloaded = await open(angela, carePlanId);
    expect(sameContent(reloaded.doc, expected)).toBe(true);
    expect(reloaded.text()).toContain("After the fuzzing: a real edit by the keyworker.");
  });
});

describe("a broken handshake from someone signed in", () => {
  it("is refused and does not keep the document loaded", async () => {
    const documentId = (await carePlanOf(priya, "Kai Thompson")).documentId;
    expect(server.registry.isLoaded(documentId)).toBe(false);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, "127.0.0.1");
      let received = "";
      socket.on("data", (d) => (received += d.toString("latin1")));
      socket.on("close", () => resolve(received));
      socket.on("error", reject);
      // A version of the protocol nobody speaks: ws refuses it without letting the socket in.
      socket.write(
        `GET /collab/${documentId} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 7\r\nCookie: ${priya.cookie}\r\n\r\n`,
      );
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await waitFor(() => !server.registry.isLoaded(documentId) || undefined, { what: "the document to be unloaded", timeoutMs: 2000 });
  });
});
