/**
 * Several server processes through Redis (ADR 0039): two real server processes on one Postgres
 * database and one Redis, a stock y-websocket client on each. Run by `pnpm test:redis`, which
 * sets REDIS_URL and DATABASE_URL; without either the suite says it was skipped, and why.
 * Channels and keys carry a prefix of this run's own, so runs side by side do not hear each other.
 */
import { randomUUID } from "node:crypto";
import { openDatabase, schema, type Database } from "@roundtable/db";
import { createTestDatabase, type TestDatabase } from "@roundtable/db/testing";
import type { CaseDetail, ClientToServerEvents, Meeting, PresentPerson, ServerToClientEvents } from "@roundtable/domain";
import * as decoding from "lib0/decoding";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { io, type Socket as ClientSocket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { PostgresDocumentStorage } from "../src/collab/postgres-document-storage.js";
import { carePlanOf, demoEmail, demoPassword, signIn } from "./support/api-client.js";
import { freePort, startChildServer, type ChildServer } from "./support/child-server.js";
import { connectCollab, fragmentText, typeInto, type CollabClient } from "./support/collab-client.js";
import { waitFor } from "./support/wait-for.js";

const redisUrl = process.env.REDIS_URL;
const adminUrl = process.env.DATABASE_URL;
const skipped = !redisUrl
  ? "REDIS_URL is not set (run it with pnpm test:redis)"
  : !adminUrl
    ? "DATABASE_URL is not set: several processes need one Postgres database (run it with pnpm test:redis)"
    : null;
if (skipped) console.warn(`redis-fanout.test.ts: skipped, because ${skipped}`);

describe.skipIf(skipped !== null)(`two server processes sharing documents through Redis${skipped ? ` — skipped: ${skipped}` : ""}`, () => {
  let testDb: TestDatabase;
  let database: Database;
  let a: ChildServer;
  let b: ChildServer;
  // A slow disk's group commit (50 ms, not 2): a kill then always finds edits received but not
  // yet written, which the other process has heard and must write itself (they would be lost with it).
  // The overdue check every 200 ms on both processes: their runs would overlap all the time.
  const env = { REDIS_URL: redisUrl, REDIS_PREFIX: `roundtable-test-${randomUUID()}:`, COLLAB_GROUP_COMMIT_MS: "50", OVERDUE_CHECK_SECONDS: "0.2" };
  const cleanups: (() => unknown)[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase(adminUrl!);
    // One after the other: the first migrates and seeds the demo data, the second finds it there.
    // A's disk is slower still (400 ms): what its clients change is projected (after 100 ms) well
    // before it is saved, so a copy B reads from the log meanwhile is behind A's projection.
    a = await startChildServer({ databaseUrl: testDb.url }, await freePort(), { ...env, COLLAB_GROUP_COMMIT_MS: "400" });
    b = await startChildServer({ databaseUrl: testDb.url }, await freePort(), env);
    database = await openDatabase({ url: testDb.url });
  }, 120_000);
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });
  afterAll(async () => {
    await a?.kill("SIGTERM");
    await b?.kill("SIGTERM");
    await database?.close();
    await testDb?.drop();
  });

  async function client(server: ChildServer, documentId: string, cookie: string, params: Record<string, string> = {}): Promise<CollabClient> {
    const c = await connectCollab(server.url, documentId, cookie, params);
    cleanups.push(() => c.destroy());
    return c;
  }

  /** The close code of the client's connection, or "not closed" when it stays open for two seconds (the expiry job would close it within a minute). */
  function closeOf(c: CollabClient): Promise<number | "not closed"> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve("not closed"), 2000);
      c.provider.once("connection-close", (event) => {
        clearTimeout(timer);
        resolve(event?.code ?? 0);
      });
    });
  }

  /** What Postgres holds of a document: the durable truth, whichever process wrote it. */
  async function storedText(documentId: string): Promise<string> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates((await new PostgresDocumentStorage(database.db).load(documentId)).updates));
    const text = fragmentText(doc);
    doc.destroy();
    return text;
  }

  it("lets a stock y-websocket client on each process edit the same care plan, and both see each other's edits and carets", async () => {
    const priya = await signIn(a.url, "priya.shah");
    const tom = await signIn(b.url, "tom.hughes");
    const { documentId } = await carePlanOf(priya, "Kai Thompson");
    const onA = await client(a, documentId, priya.cookie);
    const onB = await client(b, documentId, tom.cookie);
    typeInto(onA.doc, "Kai chose the climbing club.");
    typeInto(onB.doc, "Tom will ring the club on Monday.");
    await waitFor(() => onA.text() === onB.text() && onA.text().includes("climbing club") && onA.text().includes("ring the club"), { what: "the two clients to converge" });
    onA.provider.awareness.setLocalStateField("cursor", { at: 3 });
    await waitFor(() => onB.provider.awareness.getStates().get(onA.doc.clientID)?.cursor, { what: "Priya's caret to reach the client on the other process" });
    // Labelled by the server Priya is on, with her name, whatever her client said.
    expect(onB.provider.awareness.getStates().get(onA.doc.clientID)?.user).toMatchObject({ name: "Priya Shah" });
    await waitFor(async () => (await storedText(documentId)) === onA.text(), { what: "both edits to be in Postgres" });
  });

  it("shows who is on a case to people on either process (socket.io through the Redis adapter)", async () => {
    const priya = await signIn(a.url, "priya.shah");
    const tom = await signIn(b.url, "tom.hughes");
    const { caseId } = await carePlanOf(priya, "Kai Thompson");
    const room = `case:${caseId}`;
    const join = async (url: string, cookie: string) => {
      const socket: ClientSocket<ServerToClientEvents, ClientToServerEvents> = io(url, { extraHeaders: { cookie }, transports: ["websocket"] });
      cleanups.push(() => socket.close());
      const people: PresentPerson[][] = [];
      socket.on("presence", (p) => p.room === room && people.push(p.people));
      expect(await socket.emitWithAck("presence:join", { room })).toEqual({ ok: true });
      return people;
    };
    const seenOnA = await join(a.url, priya.cookie);
    await join(b.url, tom.cookie);
    await waitFor(() => seenOnA.at(-1)?.length === 2, { what: "Priya to see Tom, who is on the other process" });
    expect(seenOnA.at(-1)!.map((p) => p.name)).toEqual(["Priya Shah", "Tom Hughes"]);
  });

  it("closes a removed member's care plan on the other process", async () => {
    const priya = await signIn(a.url, "priya.shah");
    const ben = await signIn(b.url, "ben.carter");
    const plan = await carePlanOf(priya, "Jamie Walker");
    const onB = await client(b, plan.documentId, ben.cookie);
    const closed = closeOf(onB);
    const jamie = (await priya.get<CaseDetail>(`/api/cases/${plan.caseId}`)).body;
    const benId = jamie.team.find((m) => m.name === "Dr Ben Carter")!.personId;
    expect((await priya.delete(`/api/cases/${plan.caseId}/members/${benId}`)).status).toBe(204);
    expect(await closed).toBe(4403);
  });

  it("sends the minutes' editors on the other process back to read them only once they are agreed", async () => {
    const priya = await signIn(a.url, "priya.shah");
    const { caseId } = await carePlanOf(priya, "Aisha Reid");
    const booked = await priya.post<Meeting>("/api/meetings", { type: "tracker", startsAt: "2026-12-03T10:00:00Z", location: "Room 2", caseIds: [caseId], inviteeIds: [] });
    expect(booked.status).toBe(201);
    const meetingId = booked.body.id;
    for (const command of ["start", "end"]) expect((await priya.post(`/api/meetings/${meetingId}/commands`, { command })).status).toBe(200);
    const onB = await client(b, booked.body.minutesDocumentId!, priya.cookie);
    const closed = closeOf(onB);
    expect((await priya.post(`/api/meetings/${meetingId}/commands`, { command: "agree-minutes" })).status).toBe(200);
    expect(await closed).toBe(1008);
  });

  it("closes what a session opened on the other process when it signs out on this one", async () => {
    const claire = await signIn(a.url, "claire.walker");
    const { documentId } = await carePlanOf(claire, "Jamie Walker");
    const onB = await client(b, documentId, claire.cookie);
    const closed = closeOf(onB);
    expect((await claire.post("/api/auth/logout", {})).status).toBe(204);
    expect(await closed).toBe(4401);
  });

  it("counts failed sign-ins on one process against the next attempt on the other (the limits are in Redis)", async () => {
    const login = (server: ChildServer, password: string) =>
      fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: demoEmail("angela.okafor"), password }) });
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push((await login(a, "not the password")).status); // LOGIN_MAX_FAILURES
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    // The right password, on the other process: the address is locked there too.
    expect((await login(b, demoPassword)).status).toBe(429);
  });

  it("tells each owner about an overdue action once, with the overdue check running on both processes", async () => {
    // Hundreds of actions fall overdue at once, on a child no other test here edits: one run of
    // the check takes a while, and without the lock the other process's runs overlap it.
    const [action] = await database.db
      .select({ id: schema.actions.id, documentId: schema.actions.documentId })
      .from(schema.actions)
      .innerJoin(schema.cases, eq(schema.cases.id, schema.actions.caseId))
      .where(and(sql`${schema.cases.name} not in ('Kai Thompson', 'Aisha Reid', 'Jamie Walker')`, sql`${schema.actions.ownerId} is not null`, isNull(schema.actions.removedAt)))
      .limit(1);
    expect(action, "a demo action with an owner").toBeDefined();
    const copies = 1000; // the most one run takes
    const ids = await database.db.execute(sql`
      insert into actions (id, case_id, document_id, meeting_id, text, owner_id, due_date, status, position)
      select gen_random_uuid(), case_id, document_id, meeting_id, text || ' (' || n || ')', owner_id, date '2020-01-01', 'open', position
      from actions, generate_series(1, ${copies}) as n where id = ${action!.id}
      returning id`);
    const copied = (ids as unknown as { id: string }[]).map((r) => r.id); // postgres.js: the rows themselves
    expect(copied).toHaveLength(copies);
    await waitFor(
      async () => (await database.db.select({ id: schema.actions.id }).from(schema.actions).where(and(inArray(schema.actions.id, copied), isNull(schema.actions.overdueNotifiedAt)))).length === 0,
      { timeoutMs: 20_000, what: "every copy to be found overdue" },
    );
    await new Promise((r) => setTimeout(r, 500)); // a run that started alongside would have written by now
    const told = await database.db
      .select({ link: schema.notifications.link, count: sql<number>`count(*)::int` })
      .from(schema.notifications)
      .where(and(eq(schema.notifications.kind, "action-overdue"), inArray(schema.notifications.link, copied.map((id) => `/documents/${action!.documentId}#action-${id}`))))
      .groupBy(schema.notifications.link);
    expect(told).toHaveLength(copies);
    expect(told.filter((t) => t.count !== 1)).toEqual([]);
  }, 60_000);

  it("never lets a process whose copy of a document is behind undo an action the other process has just projected", async () => {
    const priya = await signIn(a.url, "priya.shah");
    const tom = await signIn(b.url, "tom.hughes");
    // A care plan nobody has opened on B yet.
    const { documentId } = await carePlanOf(priya, "Aisha Reid");
    const onA = await client(a, documentId, priya.cookie);
    const addAction = (c: CollabClient, text: string) => {
      const id = randomUUID();
      const el = new Y.XmlElement("actionItem");
      el.setAttribute("id", id);
      el.insert(0, [new Y.XmlText(text)]);
      c.doc.getXmlFragment("default").push([el]);
      return id;
    };
    const trackedNow = async (ids: string[]) =>
      (await database.db.select({ id: schema.actions.id }).from(schema.actions).where(and(inArray(schema.actions.id, ids), isNull(schema.actions.removedAt)))).length === ids.length;
    const onAsAction = addAction(onA, "Priya will book the review");
    await waitFor(() => trackedNow([onAsAction]), { intervalMs: 10, what: "A to project Priya's action" });
    // A has projected it but not yet saved it, and published it before B opened the document, so
    // B's copy, read from the log, lacks it until A says it saved it: B projects Tom's action meanwhile.
    const onB = await client(b, documentId, tom.cookie);
    expect(onB.text()).not.toContain("Priya will book the review");
    const onBsAction = addAction(onB, "Tom will ring the school");
    await waitFor(() => onA.text() === onB.text() && onB.text().includes("Priya will book the review"), { what: "the two copies to converge" });
    await waitFor(() => trackedNow([onAsAction, onBsAction]), { what: "both actions to be tracked" });
    await new Promise((r) => setTimeout(r, 300)); // any projection still to come has come
    expect(await trackedNow([onAsAction, onBsAction])).toBe(true);
    const removals = await database.db
      .select({ actionId: schema.actionEvents.actionId })
      .from(schema.actionEvents)
      .where(and(inArray(schema.actionEvents.actionId, [onAsAction, onBsAction]), eq(schema.actionEvents.field, "removed")));
    expect(removals).toEqual([]); // nobody removed either, so no projection may have
  });

  it("catches up from the log when a process's connection to Redis drops while the other is publishing", async () => {
    const priya = await signIn(a.url, "priya.shah");
    const { documentId } = await carePlanOf(priya, "Kai Thompson");
    const typist = await client(a, documentId, priya.cookie);
    const onB = await client(b, documentId, priya.cookie);
    typeInto(typist.doc, "Before the drop.");
    await waitFor(() => onB.text() === typist.text(), { what: "the first line to reach the other process" });
    const redis = new Redis(redisUrl!);
    cleanups.push(() => redis.quit());
    const name = `${env.REDIS_PREFIX}${b.process.pid}:subscribe`;
    const list = String(await redis.client("LIST"));
    const id = list.split("\n").find((line) => line.includes(` name=${name} `))?.match(/^id=(\d+)/)?.[1];
    expect(id, `a connection named ${name}`).toBeDefined();
    // Typing goes on while B is away from Redis and coming back: what is published meanwhile never reaches it.
    let typed = 0;
    const typing = setInterval(() => typeInto(typist.doc, `Line ${typed++} while B was away.`), 5);
    cleanups.push(() => clearInterval(typing));
    await waitFor(() => typed > 5, { what: "typing to start" });
    await redis.client("KILL", "ID", id!);
    await waitFor(() => typed > 60, { what: "typing across the drop" });
    clearInterval(typing);
    await waitFor(() => onB.text() === typist.text(), { what: "the other process to catch up" });
  });

  it("ignores what a broken process publishes on a document's channel: unknown kinds, numbers it cannot read, messages too large", async () => {
    const priya = await signIn(a.url, "priya.shah");
    const reader = await signIn(b.url, "priya.shah");
    const { documentId } = await carePlanOf(priya, "Jamie Walker");
    const typist = await client(a, documentId, priya.cookie);
    const onB = await client(b, documentId, reader.cookie);
    const redis = new Redis(redisUrl!);
    cleanups.push(() => redis.quit());
    const broken = Buffer.from(randomUUID().replaceAll("-", ""), "hex"); // a sender id: 16 bytes
    const frame = (kind: number, ...parts: Uint8Array[]) => Buffer.concat([Buffer.from([kind]), broken, ...parts]);
    const line = (text: string) => {
      const doc = new Y.Doc();
      typeInto(doc, text);
      return Y.encodeStateAsUpdate(doc);
    };
    const frames = [
      frame(3), // an update with no number
      frame(3, Buffer.from([0x80])), // a number cut short
      frame(3, Buffer.from([0]), line("Numbered nought.")), // numbers start at 1
      frame(4, Buffer.from([5, 1])), // a saved notice with bytes after its number
      frame(5, Buffer.from([1, 2]), line("By an author flag out of range.")), // 0 or 1 only
      frame(9, Buffer.from([1]), line("Of a kind from a later version.")),
      frame(3, Buffer.from([1]), Buffer.from([255, 255, 255])), // not an update
      frame(3, Buffer.from([2]), line(`Too large ${"x".repeat(10 * 1024 * 1024)}`)), // past the document limit
    ];
    for (const f of frames) await redis.publish(`${env.REDIS_PREFIX}doc:${documentId}`, f);
    typeInto(typist.doc, "Typed after the broken messages.");
    await waitFor(() => onB.text().includes("Typed after the broken messages."), { what: "B to go on hearing A" });
    for (const text of ["Numbered nought.", "Of a kind from a later version.", "Too large", "By an author flag out of range."]) expect(onB.text()).not.toContain(text);
  }, 60_000);

  it("writes an edit on the process that heard it when the process that received it is killed before saving it", async () => {
    // C's group commit is a minute: it publishes each edit as it arrives and never saves one.
    const c = await startChildServer({ databaseUrl: testDb.url }, await freePort(), { ...env, COLLAB_GROUP_COMMIT_MS: "60000" });
    cleanups.push(() => c.kill("SIGKILL"));
    const priya = await signIn(c.url, "priya.shah");
    const reader = await signIn(b.url, "priya.shah");
    const { documentId } = await carePlanOf(priya, "Kai Thompson");
    const onB = await client(b, documentId, reader.cookie);
    const typist = await connectCollab(c.url, documentId, priya.cookie);
    typeInto(typist.doc, "Only C ever received this line.");
    await waitFor(() => onB.text().includes("Only C ever received this line."), { what: "the line to reach B as it arrived on C" });
    // Its client goes with it, so nobody sends the line again: B is the only one left holding it.
    typist.destroy();
    await c.kill("SIGKILL");
    expect(await storedText(documentId)).not.toContain("Only C ever received this line.");
    const [{ last } = { last: 0 }] = await database.db.select({ last: sql<number>`coalesce(max(${schema.documentUpdates.seq}), 0)::int` }).from(schema.documentUpdates);
    await waitFor(async () => (await storedText(documentId)).includes("Only C ever received this line."), { timeoutMs: 15_000, what: "B to write the line C never said it saved" });
    // Credited to Priya, who typed it, as C would have written it: the edit history names her.
    const written = await database.db
      .select({ name: schema.people.name })
      .from(schema.documentUpdates)
      .leftJoin(schema.people, eq(schema.people.id, schema.documentUpdates.authorId))
      .where(and(eq(schema.documentUpdates.documentId, documentId), sql`${schema.documentUpdates.seq} > ${last}`));
    expect(written.length).toBeGreaterThan(0);
    expect(new Set(written.map((w) => w.name))).toEqual(new Set(["Priya Shah"]));
  }, 120_000);

  it("loses nothing when one process is killed with SIGKILL mid-typing and its client reconnects to the other", async () => {
    const priya = await signIn(a.url, "priya.shah");
    const reader = await signIn(b.url, "priya.shah");
    const { documentId } = await carePlanOf(priya, "Aisha Reid");
    const typist = await client(a, documentId, priya.cookie, { persisted: "1" });
    const onB = await client(b, documentId, reader.cookie);
    let acked = 0;
    typist.provider.messageHandlers[100] = (_enc, decoder) => {
      acked = Math.max(acked, Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(typist.doc.clientID) ?? 0);
    };
    let typed = 0;
    const typing = setInterval(() => typeInto(typist.doc, `Line ${typed++} typed during the meeting.`), 5);
    cleanups.push(() => clearInterval(typing));
    await waitFor(() => acked > 0 && typed > 40, { what: "some typing to be saved" });
    await a.kill("SIGKILL");
    // Its provider reconnects on its own, here to the process still running.
    typist.provider.serverUrl = `${b.url.replace(/^http/, "ws")}/collab`;
    await waitFor(() => typed > 60, { what: "typing while disconnected" });
    clearInterval(typing);
    await waitFor(() => typist.provider.wsconnected && onB.text() === typist.text(), { timeoutMs: 15_000, what: "the typist to re-sync through the other process" });
    expect(onB.text()).toContain(`Line ${typed - 1} typed during the meeting.`);
    // And it is all durable: what Postgres holds is what the typist has.
    // Within B's wait for A to say it saved what B heard from it (3 s), and B's own commit.
    await waitFor(async () => (await storedText(documentId)) === typist.text(), { timeoutMs: 15_000, what: "every line to be in Postgres" });
  }, 120_000);
});
