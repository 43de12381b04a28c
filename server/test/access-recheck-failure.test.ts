/**
 * A database failure during an access re-check disconnects nobody and clears no offline copy
 * (ADR 0015). The client clears its copy of a document only when the server closes it with 4403
 * or the API answers 403/404 for it (client/src/realtime/access-ending.ts), so the server must
 * do neither when it could not check. The failure is real: a table the re-check reads is
 * renamed away, so every query on it fails in the database, while the change itself (which
 * does not read it) is made; renaming it back is the database answering again.
 */
import type { CaseDetail } from "@roundtable/domain";
import { sql } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let mark: SignedIn;
let jamie: CaseDetail;
let planId: string;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  mark = await signIn(server.url, "mark.davies"); // Riverside Academy: needs the family's consent to share
  const plan = await carePlanOf(priya, "Jamie Walker");
  planId = plan.documentId;
  jamie = (await priya.get<CaseDetail>(`/api/cases/${plan.caseId}`)).body;
});
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** Every query on this table fails until the returned function puts it back. */
async function breakTable(table: "consents" | "meeting_cases"): Promise<() => Promise<void>> {
  const { db } = server.database;
  await db.execute(sql.raw(`alter table ${table} rename to ${table}_unreachable`));
  let restored = false;
  const restore = async () => {
    if (restored) return;
    restored = true;
    await db.execute(sql.raw(`alter table ${table}_unreachable rename to ${table}`));
  };
  cleanups.push(restore);
  return restore;
}

interface Watched {
  plan: CollabClient;
  presence: Socket;
  closes: { code: number; reason: string }[];
  revoked: string[];
}

/** Mark with Jamie's care plan open, and on the case and plan pages (presence rooms). */
async function markWatchingThePlan(): Promise<Watched> {
  const plan = await connectCollab(server.url, planId, mark.cookie);
  cleanups.push(() => plan.destroy());
  const closes: Watched["closes"] = [];
  plan.provider.on("connection-close", (event) => closes.push({ code: event?.code ?? 0, reason: event?.reason ?? "" }));
  const presence = io(server.url, { extraHeaders: { cookie: mark.cookie }, transports: ["websocket"] });
  cleanups.push(() => presence.close());
  const revoked: string[] = [];
  presence.on("access:revoked", ({ room }: { room: string }) => revoked.push(room));
  await new Promise<void>((resolve, reject) => {
    presence.once("connect", () => resolve());
    presence.once("connect_error", reject);
  });
  for (const room of [`case:${jamie.id}`, `document:${planId}`]) expect(await presence.emitWithAck("presence:join", { room })).toMatchObject({ ok: true });
  return { plan, presence, closes, revoked };
}

async function isInRooms(): Promise<boolean> {
  const here = async (room: string) => (await server.presence.peopleIn(room)).some((p) => p.name === "Mark Davies");
  return (await here(`case:${jamie.id}`)) && (await here(`document:${planId}`));
}

async function expectStillConnected(watched: Watched): Promise<void> {
  expect(watched.closes).toEqual([]);
  expect(watched.plan.provider.wsconnected).toBe(true);
  expect(watched.revoked).toEqual([]);
  expect(await isInRooms()).toBe(true);
}

const memberId = (name: string) => jamie.team.find((m) => m.name === name)!.personId;

describe("when the database fails during an access re-check", () => {
  it("A database failure during an access re-check disconnects nobody and clears no offline copy", async () => {
    const watched = await markWatchingThePlan();
    // Every check of Mark's access reads whether the family shares with his agency.
    const restore = await breakTable("consents");
    const failedBefore = server.access.failedRechecks;
    // An access change on Jamie's case: Ben leaves the team. Mark's connections cannot be re-checked.
    // Taken off as the team route does it (its change, then the re-check it asks for): every
    // request now reads consents too — who counts as on a team follows the young person's
    // decision about their parents (ADR 0026) — so the route itself cannot answer meanwhile.
    await server.database.db.execute(sql`delete from case_members where case_id = ${jamie.id} and person_id = ${memberId("Dr Ben Carter")}`);
    await server.access.caseAccessChanged(jamie.id);
    expect(server.access.waitingCases()).toEqual([jamie.id]);
    await waitFor(() => server.access.failedRechecks >= failedBefore + 3, { what: "the re-check to be tried again, and fail again" });
    await expectStillConnected(watched);
    // Asked for the plan, the API says it could not check — not 403 or 404, which would clear the copy too.
    expect((await mark.get(`/api/documents/${planId}`)).status).toBeGreaterThanOrEqual(500);

    await restore();
    await waitFor(() => server.access.waitingCases().length === 0, { what: "the re-check to be made" });
    // Made now, it finds Mark still allowed in: he stays.
    await expectStillConnected(watched);
    expect((await mark.get(`/api/documents/${planId}`)).status).toBe(200);
  });

  it("takes away access revoked during the failure once the database answers again", async () => {
    const watched = await markWatchingThePlan();
    // The re-check's first question (the case's meetings) fails; removing Mark does not ask it.
    const restore = await breakTable("meeting_cases");
    const failedBefore = server.access.failedRechecks;
    expect((await priya.delete(`/api/cases/${jamie.id}/members/${memberId("Mark Davies")}`)).status).toBe(204);
    await waitFor(() => server.access.failedRechecks >= failedBefore + 2, { what: "the re-check to fail twice" });
    await expectStillConnected(watched);

    await restore();
    const close = await waitFor(() => watched.closes[0], { what: "Mark's care plan to be closed" });
    expect(close.code).toBe(4403);
    await waitFor(() => watched.revoked.length === 2, { what: "Mark to be taken out of both rooms" });
    expect(watched.revoked.sort()).toEqual([`case:${jamie.id}`, `document:${planId}`].sort());
    expect(await isInRooms()).toBe(false);
    expect(server.access.waitingCases()).toEqual([]);
  });
});
