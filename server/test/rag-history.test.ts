/**
 * A child's RAG rating and its history (issue 13): who may change it, to what, and who may read
 * it. The family and the young person are answered as if the case were not there (ADR 0025).
 */
import { randomBytes } from "node:crypto";
import { schema } from "@roundtable/db";
import { defaultRagLevels, type ApiError, type CaseDetail, type PresenceUpdate, type RagChange, type RagLevel } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords.js";
import { caseNamed, demoPassword, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
const sockets: Socket[] = [];
afterAll(() => {
  for (const socket of sockets) socket.disconnect();
});

const ratingWords = /\b(red|amber|green|blue|yellow)\b/i;

async function caseId(client: SignedIn, name: string): Promise<string> {
  return (await caseNamed(client, name)).id;
}

async function connect(client: SignedIn, room: string): Promise<Socket> {
  const socket = io(server.url, { extraHeaders: { cookie: client.cookie }, transports: ["websocket"] });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  expect(await socket.emitWithAck("presence:join", { room })).toEqual({ ok: true });
  return socket;
}

describe("changing a child's RAG rating", () => {
  it("lets their keyworker change it, and keeps every change oldest first from the first rating", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const aisha = await caseId(priya, "Aisha Reid");
    const before = (await priya.get<RagChange[]>(`/api/cases/${aisha}/rag-history`)).body;
    expect(before[0]).toMatchObject({ from: null, caseId: aisha });
    expect(before.at(-1)!.to).toBe("amber");

    const reason = "Aisha ran from school twice this week and Daniel found her on the bypass. The crisis team are involved.";
    const changed = await priya.post<RagChange>(`/api/cases/${aisha}/rag`, { rating: "red", reason });
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ caseId: aisha, from: "amber", to: "red", reason, by: { id: priya.personId, name: "Priya Shah" } });

    const history = (await priya.get<RagChange[]>(`/api/cases/${aisha}/rag-history`)).body;
    expect(history).toHaveLength(before.length + 1);
    expect(history.at(-1)).toEqual(changed.body);
    expect(history[0]!.from).toBeNull();
    // Each change starts where the one before it ended, in time order.
    for (let i = 1; i < history.length; i++) {
      expect(history[i]!.from).toBe(history[i - 1]!.to);
      expect(Date.parse(history[i]!.at)).toBeGreaterThanOrEqual(Date.parse(history[i - 1]!.at));
    }
    expect((await priya.get<CaseDetail>(`/api/cases/${aisha}`)).body.ragRating).toBe("red");

    const { db } = server.database;
    const audited = await db
      .select({ detail: schema.auditEvents.detail, personId: schema.auditEvents.personId })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.caseId, aisha), eq(schema.auditEvents.action, "rag-rating-changed")));
    expect(audited).toEqual([{ personId: priya.personId, detail: { changeId: changed.body.id, from: "amber", to: "red" } }]);
  });

  it("asks why, and says so in plain English", async () => {
    const tom = await signIn(server.url, "tom.hughes");
    const kai = await caseId(tom, "Kai Thompson");
    const refused = await tom.post<ApiError>(`/api/cases/${kai}/rag`, { rating: "amber", reason: "  " });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual({ reason: "Say why the rating is changing" });
    expect((await tom.get<RagChange[]>(`/api/cases/${kai}/rag-history`)).body.at(-1)!.to).toBe("green");
  });

  it("refuses a rating that is not one of the service's levels, naming the levels", async () => {
    const angela = await signIn(server.url, "angela.okafor");
    const kai = await caseId(angela, "Kai Thompson");
    const refused = await angela.post<ApiError>(`/api/cases/${kai}/rag`, { rating: "purple", reason: "Testing" });
    expect(refused.status).toBe(400);
    expect(refused.body.details?.rating).toBe("Choose one of the service's levels: blue, red, amber or green");
  });

  it("refuses to change a rating to the one the child already has", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const ellie = await caseId(priya, "Ellie Brooks");
    const refused = await priya.post<ApiError>(`/api/cases/${ellie}/rag`, { rating: "blue", reason: "Still on the ward" });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe("Ellie's rating is already blue.");
  });

  it("lets the service lead change it across the service, without being on the team", async () => {
    const angela = await signIn(server.url, "angela.okafor");
    const kai = await caseId(angela, "Kai Thompson");
    const changed = await angela.post<RagChange>(`/api/cases/${kai}/rag`, { rating: "amber", reason: "Kai's tenancy is at risk after complaints from neighbours." });
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ from: "green", to: "amber", by: { name: "Angela Okafor" } });
  });

  it("offers the levels a service added, with its own criteria, and accepts them", async () => {
    const { db } = server.database;
    const priya = await signIn(server.url, "priya.shah");
    const jamie = await caseId(priya, "Jamie Walker");
    const yellow: RagLevel = { rating: "yellow", label: "Yellow", criteria: "Some risk: watched closely, with a check-in every month." };
    const levels = [...defaultRagLevels.slice(0, 3), yellow, defaultRagLevels[3]!];
    await db.update(schema.services).set({ ragLevels: levels }).where(eq(schema.services.id, (await db.select().from(schema.services))[0]!.id));
    try {
      const offered = await priya.get<RagLevel[]>(`/api/cases/${jamie}/rag-levels`);
      expect(offered.body.map((l) => l.rating)).toEqual(["blue", "red", "amber", "yellow", "green"]);
      expect(offered.body[3]).toEqual(yellow);
      const changed = await priya.post<RagChange>(`/api/cases/${jamie}/rag`, { rating: "yellow", reason: "A calmer month: school three mornings a week." });
      expect(changed.status).toBe(201);
      expect(changed.body).toMatchObject({ from: "red", to: "yellow" });
      const refused = await priya.post<ApiError>(`/api/cases/${jamie}/rag`, { rating: "yellow", reason: "Again" });
      expect(refused.body.error).toBe("Jamie's rating is already yellow.");
    } finally {
      await db.update(schema.services).set({ ragLevels: null });
    }
    const back = await priya.post<RagChange>(`/api/cases/${jamie}/rag`, { rating: "red", reason: "Another crisis at the weekend." });
    expect(back.body).toMatchObject({ from: "yellow", to: "red" });
  });

  it("tells the professionals looking at the case, and not the family", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const mark = await signIn(server.url, "mark.davies");
    const claire = await signIn(server.url, "claire.walker");
    const jamie = await caseId(priya, "Jamie Walker");
    const room = `case:${jamie}`;
    const marks = await connect(mark, room);
    const claires = await connect(claire, room);
    const heard = { mark: 0, claire: 0 };
    marks.on("case:changed", (e: { caseId: string }) => {
      if (e.caseId === jamie) heard.mark++;
    });
    claires.on("case:changed", () => heard.claire++);

    const current = (await priya.get<CaseDetail>(`/api/cases/${jamie}`)).body.ragRating;
    const changed = await priya.post(`/api/cases/${jamie}/rag`, { rating: current === "amber" ? "red" : "amber", reason: "A change to be told about." });
    expect(changed.status).toBe(201);
    await waitFor(() => heard.mark === 1, { what: "Mark to be told the case changed" });
    // Someone joining after the change: Claire hears of them after anything sent to her before.
    const tomJoined = new Promise<void>((resolve) =>
      claires.on("presence", (update: PresenceUpdate) => {
        if (update.people.some((p) => p.name === "Tom Hughes")) resolve();
      }),
    );
    await connect(await signIn(server.url, "tom.hughes"), room);
    await tomJoined;
    expect(heard.claire).toBe(0);
  });
});

describe("who may read and change the rating", () => {
  it("lets the ICB lead read the history but not change the rating", async () => {
    const helen = await signIn(server.url, "helen.morris");
    const jamie = await caseId(helen, "Jamie Walker");
    const history = await helen.get<RagChange[]>(`/api/cases/${jamie}/rag-history`);
    expect(history.status).toBe(200);
    expect(history.body.length).toBeGreaterThan(1);
    const refused = await helen.post<ApiError>(`/api/cases/${jamie}/rag`, { rating: "amber", reason: "Looks calmer" });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe("Only the child's keyworkers and the service lead can change the RAG rating. You can read its history.");
  });

  it("lets a professional on the team read it, and not change it", async () => {
    const ben = await signIn(server.url, "ben.carter");
    const jamie = await caseId(ben, "Jamie Walker");
    expect((await ben.get(`/api/cases/${jamie}/rag-history`)).status).toBe(200);
    expect((await ben.post(`/api/cases/${jamie}/rag`, { rating: "amber", reason: "Calmer" })).status).toBe(403);
  });

  it("keeps the history from a professional whose agency the family does not share with", async () => {
    const priya = await signIn(server.url, "priya.shah");
    const sophie = await signIn(server.url, "sophie.grant");
    const kai = await caseId(priya, "Kai Thompson");
    expect((await sophie.get(`/api/cases/${kai}/rag-history`)).status).toBe(200);
    const agencyId = (await priya.get<CaseDetail>(`/api/cases/${kai}`)).body.agencies.find((a) => a.name === "Parents Together Northbridge")!.id;
    const consents = (await priya.get<{ id: string; kind: string; agency: { id: string } | null; withdrawn: unknown }[]>(`/api/cases/${kai}/consents`)).body;
    const sharing = consents.find((c) => c.kind === "share-with-agency" && c.agency?.id === agencyId && c.withdrawn === null)!;
    expect((await priya.post(`/api/cases/${kai}/consents/${sharing.id}/withdraw`, {})).status).toBe(200);
    const refused = await sophie.get<ApiError>(`/api/cases/${kai}/rag-history`);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/Parents Together Northbridge cannot see this case's records: the family has not agreed/);
  });

  it.each(["claire.walker", "jamie.walker"])("answers %s as if there were no case, with no rating in the answer", async (login) => {
    const priya = await signIn(server.url, "priya.shah");
    const jamie = await caseId(priya, "Jamie Walker");
    const family = await signIn(server.url, login);
    // They may see Jamie's case itself: only the rating is kept from them.
    expect((await family.get(`/api/cases/${jamie}`)).status).toBe(200);
    const answers = [
      await family.get(`/api/cases/${jamie}/rag-history`),
      await family.get(`/api/cases/${jamie}/rag-levels`),
      await family.post(`/api/cases/${jamie}/rag`, { rating: "green", reason: "Things are better" }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: "That case was not found." });
      expect(JSON.stringify(answer.body)).not.toMatch(ratingWords);
    }
  });

  it("answers someone from another service as if there were no case", async () => {
    const { db } = server.database;
    const [service] = await db.insert(schema.services).values({ name: "Southfield Keyworking", area: "Southfield" }).returning({ id: schema.services.id });
    const login = `south.lead.${randomBytes(4).toString("hex")}`;
    await db.insert(schema.people).values({ serviceId: service!.id, name: "Southfield Service Lead", email: `${login}@roundtable.demo`, role: "service-lead", passwordHash: await hashPassword(demoPassword) });
    const outsider = await signIn(server.url, login);
    const priya = await signIn(server.url, "priya.shah");
    const jamie = await caseId(priya, "Jamie Walker");
    expect((await outsider.get(`/api/cases/${jamie}/rag-history`)).status).toBe(404);
    expect((await outsider.get(`/api/cases/${jamie}/rag-levels`)).status).toBe(404);
    const refused = await outsider.post<ApiError>(`/api/cases/${jamie}/rag`, { rating: "green", reason: "Not mine" });
    expect(refused.status).toBe(404);
    expect(refused.body.error).toBe("That case was not found.");
  });

  it("answers a professional not on the team as if there were no case", async () => {
    const sophie = await signIn(server.url, "sophie.grant");
    const priya = await signIn(server.url, "priya.shah");
    const jamie = await caseId(priya, "Jamie Walker");
    expect((await sophie.get(`/api/cases/${jamie}/rag-history`)).status).toBe(404);
  });
});

describe("the demo's histories", () => {
  it("give every child a year of changes with reasons, ending at the rating they hold", async () => {
    const angela = await signIn(server.url, "angela.okafor");
    for (const name of ["Aisha Reid", "Ellie Brooks"]) {
      const found = await caseNamed(angela, name);
      const history = (await angela.get<RagChange[]>(`/api/cases/${found.id}/rag-history`)).body;
      expect(history.length).toBeGreaterThanOrEqual(3);
      expect(history[0]!.from).toBeNull();
      expect(history.every((c) => c.reason.length > 20 && c.by !== null)).toBe(true);
      expect(Date.now() - Date.parse(history[0]!.at)).toBeGreaterThan(300 * 24 * 3600 * 1000);
      expect(history.at(-1)!.to).toBe((await angela.get<CaseDetail>(`/api/cases/${found.id}`)).body.ragRating);
    }
  });
});
