/**
 * The relationships a service offers on its network maps, over the real server: the service lead
 * adds, renames, moves and removes the service's own (each on the audit trail), within their
 * bounds and never two the same; no one else may change them; whoever may open a child's record,
 * the child's parent included, reads the defaults followed by the service's own; anyone else is
 * told the child is not there.
 */
import { schema } from "@roundtable/db";
import { defaultRelationshipLabels, relationshipLabelLimits, type ApiError, type ServiceRelationshipLabels } from "@roundtable/domain";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let angela: SignedIn; // the service lead
let tom: SignedIn; // senior keyworker
let priya: SignedIn; // Jamie's keyworker
let claire: SignedIn; // Jamie's mum
let donna: SignedIn; // another child's family
let jamieId: string;

type Answer = ServiceRelationshipLabels & ApiError;

const own = async () => (await angela.get<ServiceRelationshipLabels>("/api/relationship-labels")).body.own;
const ownWords = async () => (await own()).map((l) => l.label);
const idOf = async (label: string) => (await own()).find((l) => l.label === label)!.id;
const add = (who: SignedIn, label: unknown) => who.post<Answer>("/api/relationship-labels", { label });
const offered = (who: SignedIn, caseId = jamieId) => who.get<string[] & ApiError>(`/api/cases/${caseId}/relationship-labels`);

async function clearOwn(): Promise<void> {
  for (const { id } of await own()) expect((await angela.delete(`/api/relationship-labels/${id}`)).status).toBe(200);
}

beforeAll(async () => {
  const as = (who: string) => signIn(server.url, who);
  [angela, tom, priya, claire, donna] = await Promise.all([as("angela.okafor"), as("tom.hughes"), as("priya.shah"), as("claire.walker"), as("donna.thompson")]);
  jamieId = (await caseNamed(priya, "Jamie Walker")).id;
});

describe("a service's relationships for network maps", () => {
  it("are the four every service has until the service lead adds the service's own", async () => {
    const list = await angela.get<ServiceRelationshipLabels>("/api/relationship-labels");
    expect(list.status).toBe(200);
    expect(list.body).toEqual({ defaults: [...defaultRelationshipLabels], own: [] });
    expect((await offered(priya)).body).toEqual(["works with", "refers to", "family", "strained"]);
  });

  it("are added, renamed, moved and removed by the service lead, each on the audit trail, and offered on the child's maps after the defaults", async () => {
    const added = await add(angela, "  supervises  ");
    expect(added.status).toBe(201);
    expect(added.body.own.map((l) => l.label)).toEqual(["supervises"]);
    await add(angela, "advocate \t  for");
    await add(angela, "line manages");
    expect(await ownWords()).toEqual(["supervises", "advocate for", "line manages"]);

    const renamed = await angela.patch<Answer>(`/api/relationship-labels/${await idOf("supervises")}`, { label: "Clinical supervisor for" });
    expect(renamed.status).toBe(200);
    // The same word in other capitals is a rename of itself, not a duplicate.
    expect((await angela.patch<Answer>(`/api/relationship-labels/${await idOf("line manages")}`, { label: "Line manages" })).status).toBe(200);
    const moved = await angela.put<Answer>(`/api/relationship-labels/${await idOf("Line manages")}/position`, { position: 0 });
    expect(moved.body.own.map((l) => l.label)).toEqual(["Line manages", "Clinical supervisor for", "advocate for"]);
    // Past the end is the end.
    const last = await angela.put<Answer>(`/api/relationship-labels/${await idOf("Line manages")}/position`, { position: 29 });
    expect(last.body.own.map((l) => l.label)).toEqual(["Clinical supervisor for", "advocate for", "Line manages"]);
    const removed = await angela.delete<Answer>(`/api/relationship-labels/${await idOf("advocate for")}`);
    expect(removed.body.own.map((l) => l.label)).toEqual(["Clinical supervisor for", "Line manages"]);

    // The positions stay 0, 1, 2… whatever was moved or removed.
    const rows = await server.database.db.select().from(schema.relationshipLabels).orderBy(schema.relationshipLabels.position);
    expect(rows.map((r) => [r.position, r.label])).toEqual([
      [0, "Clinical supervisor for"],
      [1, "Line manages"],
    ]);

    // The keyworker and the child's mum read the same words, after the four every service has.
    const words = ["works with", "refers to", "family", "strained", "Clinical supervisor for", "Line manages"];
    expect((await offered(priya)).body).toEqual(words);
    expect((await offered(claire)).body).toEqual(words);

    const trail = await server.database.db
      .select({ action: schema.auditEvents.action, personName: schema.auditEvents.personName, personRole: schema.auditEvents.personRole, detail: schema.auditEvents.detail })
      .from(schema.auditEvents)
      .where(like(schema.auditEvents.action, "relationship-label-%"))
      .orderBy(schema.auditEvents.id);
    expect(trail.map(({ action, detail }) => [action, detail])).toEqual([
      ["relationship-label-added", { label: "supervises" }],
      ["relationship-label-added", { label: "advocate for" }],
      ["relationship-label-added", { label: "line manages" }],
      ["relationship-label-renamed", expect.objectContaining({ from: "supervises", to: "Clinical supervisor for" })],
      ["relationship-label-renamed", expect.objectContaining({ from: "line manages", to: "Line manages" })],
      ["relationship-label-moved", expect.objectContaining({ label: "Line manages", position: 0 })],
      ["relationship-label-moved", expect.objectContaining({ label: "Line manages", position: 2 })],
      ["relationship-label-removed", expect.objectContaining({ label: "advocate for" })],
    ]);
    expect(new Set(trail.map((e) => `${e.personName} (${e.personRole})`))).toEqual(new Set(["Angela Okafor (service-lead)"]));
  });

  it("refuses an empty, long or unsavable word, one already offered in any capitals, and a bad place, saying why and changing nothing", async () => {
    await clearOwn();
    await add(angela, "supervises");
    const before = await own();

    const empty = await add(angela, "   ");
    expect(empty.status).toBe(400);
    expect(empty.body.details?.label).toBe("Write the relationship in words, for example supervises");
    const long = await add(angela, "x".repeat(relationshipLabelLimits.maxLength + 1));
    expect(long.status).toBe(400);
    expect(long.body.details?.label).toBe("Keep a relationship to 60 characters");
    expect((await add(angela, 42)).status).toBe(400);
    expect((await add(angela, "super\u0000vises")).body.details?.label).toMatch(/invisible character/);
    expect((await angela.post("/api/relationship-labels", { label: "coaches", colour: "red" })).status).toBe(400);

    const standard = await add(angela, "  WORKS   with ");
    expect(standard.status).toBe(409);
    expect(standard.body.error).toBe("“works with” is offered on every map already");
    expect(standard.body.details?.label).toBe(standard.body.error);
    const again = await add(angela, "Supervises");
    expect(again.status).toBe(409);
    expect(again.body.error).toBe("“supervises” is on the list already");
    await add(angela, "coaches");
    const renamedOnto = await angela.patch<Answer>(`/api/relationship-labels/${await idOf("coaches")}`, { label: "SUPERVISES" });
    expect(renamedOnto.status).toBe(409);
    expect((await angela.patch<Answer>(`/api/relationship-labels/${await idOf("coaches")}`, { label: "Family" })).status).toBe(409);

    const coaches = await idOf("coaches");
    for (const position of [-1, relationshipLabelLimits.maxLabels, 1.5, "0"]) expect((await angela.put(`/api/relationship-labels/${coaches}/position`, { position })).status).toBe(400);
    expect((await angela.delete("/api/relationship-labels/not-an-id")).status).toBe(400);
    expect((await angela.delete("/api/relationship-labels/00000000-0000-4000-8000-000000000000")).status).toBe(404);

    expect((await own()).map((l) => l.label)).toEqual([...before.map((l) => l.label), "coaches"]);
  });

  it("holds at most 30, even when several are added at once, and never two the same", async () => {
    await clearOwn();
    for (let i = 1; i <= relationshipLabelLimits.maxLabels - 2; i++) expect((await add(angela, `relationship ${i}`)).status).toBe(201);
    const atOnce = await Promise.all(["one more", "another", "and another", "yet another"].map((w) => add(angela, w)));
    expect(atOnce.map((r) => r.status).sort()).toEqual([201, 201, 409, 409]);
    const full = atOnce.find((r) => r.status === 409)!;
    expect(full.body.error).toBe("The list has 30 relationships, which is as many as it can hold. Remove one to add another.");
    expect(await own()).toHaveLength(relationshipLabelLimits.maxLabels);

    await clearOwn();
    const same = await Promise.all(["Mentors", "mentors", "MENTORS", " mentors "].map((w) => add(angela, w)));
    expect(same.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await own()).toHaveLength(1);
  });

  it("may be changed by the service lead only", async () => {
    await clearOwn();
    await add(angela, "supervises");
    const id = await idOf("supervises");
    for (const who of [tom, priya, claire, donna]) {
      const reading = await who.get<ApiError>("/api/relationship-labels");
      expect(reading.status).toBe(403);
      expect(reading.body.error).toBe("Only the service lead chooses the relationships offered on network maps.");
      expect((await add(who, "coaches")).status).toBe(403);
      expect((await who.patch(`/api/relationship-labels/${id}`, { label: "coaches" })).status).toBe(403);
      expect((await who.put(`/api/relationship-labels/${id}/position`, { position: 0 })).status).toBe(403);
      expect((await who.delete(`/api/relationship-labels/${id}`)).status).toBe(403);
    }
    expect(await ownWords()).toEqual(["supervises"]);
  });

  it("are read for a child only by those who may open the child's record", async () => {
    expect((await offered(claire)).status).toBe(200);
    const elsewhere = await offered(donna);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toEqual({ error: "That case was not found." });
    expect((await offered(priya, "not-an-id")).status).toBe(400);
  });

  it("are each service's own: another service's are neither offered here nor changed from here", async () => {
    const { db } = server.database;
    const [other] = await db.insert(schema.services).values({ name: "Elsewhere Keyworking", area: "Elsewhere" }).returning({ id: schema.services.id });
    const [theirs] = await db.insert(schema.relationshipLabels).values({ serviceId: other!.id, label: "befriends", position: 0 }).returning();
    expect((await offered(priya)).body).not.toContain("befriends");
    expect((await own()).map((l) => l.label)).not.toContain("befriends");
    expect((await angela.patch(`/api/relationship-labels/${theirs!.id}`, { label: "mine now" })).status).toBe(404);
    expect((await angela.put(`/api/relationship-labels/${theirs!.id}/position`, { position: 0 })).status).toBe(404);
    expect((await angela.delete(`/api/relationship-labels/${theirs!.id}`)).status).toBe(404);
    const [still] = await db.select().from(schema.relationshipLabels).where(and(eq(schema.relationshipLabels.id, theirs!.id), eq(schema.relationshipLabels.serviceId, other!.id)));
    expect(still?.label).toBe("befriends");
    // The same word may be on two services' lists.
    expect((await add(angela, "Befriends")).status).toBe(201);
  });
});
