/**
 * The register view: who may read it, its filters, orders and pages, a bad parameter, the CSV
 * download (quoting, formulas made plain, on the audit trail), and that no other service's child
 * is ever on it. Children and CETRs are added straight to the database: the register only reads.
 */
import { schema } from "@roundtable/db";
import { compareRagRating, nextCetrDueOn, plusDays, todayInEngland, type ApiError, type RegisterPage, type RegisterRow } from "@roundtable/domain";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let tom: SignedIn;
let angela: SignedIn;
let serviceId: string;
let priyaId: string;
const today = todayInEngland();

const names = (page: RegisterPage) => page.rows.map((r) => r.child.name);
const register = async (client: SignedIn, search = "") => {
  const res = await client.get<RegisterPage>(`/api/register${search ? `?${search}` : ""}`);
  expect(res.status).toBe(200);
  return res.body;
};

/** A child added to the service (or another one), with what the register reads about them. */
async function addChild(child: { name: string; rating: string; keyworkerId?: string | null; serviceId?: string; ratedAt?: Date }): Promise<string> {
  const { db } = server.database;
  const [row] = await db
    .insert(schema.cases)
    .values({ serviceId: child.serviceId ?? serviceId, name: child.name, ragRating: child.rating, keyworkerId: child.keyworkerId ?? null })
    .returning({ id: schema.cases.id });
  await db.insert(schema.ragChanges).values({ caseId: row!.id, toRating: child.rating, reason: "Accepted onto the register", at: child.ratedAt ?? new Date() });
  return row!.id;
}

async function addCetr(caseId: string, status: "held" | "agreed" | "arranged" | "requested", heldOn: string | null): Promise<void> {
  const { db } = server.database;
  const [doc] = await db.insert(schema.documents).values({ caseId, kind: "cetr", title: "CETR", visibility: "professionals" }).returning({ id: schema.documents.id });
  await db.insert(schema.cetrs).values({ serviceId, caseId, setting: "inpatient", status, reason: "Test", heldOn, documentId: doc!.id });
}

beforeAll(async () => {
  [tom, angela] = await Promise.all([signIn(server.url, "tom.hughes"), signIn(server.url, "angela.okafor")]);
  const { db } = server.database;
  const [jamie] = await db.select({ serviceId: schema.cases.serviceId, keyworkerId: schema.cases.keyworkerId }).from(schema.cases).where(eq(schema.cases.name, "Jamie Walker"));
  serviceId = jamie!.serviceId;
  priyaId = jamie!.keyworkerId!;
});

describe("who may read the register", () => {
  it("gives senior keyworkers and the service lead the whole service's children, highest risk first", async () => {
    for (const client of [tom, angela]) {
      const page = await register(client);
      expect(names(page).slice(0, 4)).toEqual(["Ellie Brooks", "Jamie Walker", "Aisha Reid", "Kai Thompson"]);
      const ratings = page.rows.map((r) => r.rating);
      expect([...ratings].sort(compareRagRating)).toEqual(ratings);
      const jamie = page.rows.find((r) => r.child.name === "Jamie Walker")!;
      expect(jamie).toMatchObject({ rating: "red", keyworker: { id: priyaId, name: "Priya Shah" }, secondKeyworker: null, mayOpen: true });
      expect(jamie.nextMeetingAt).not.toBeNull();
      expect(page.keyworkers).toContainEqual({ id: priyaId, name: "Priya Shah", caseload: expect.any(Number) });
      expect(page.settings).toEqual({ redWithoutCetrWeeks: 12, inpatientCetrEveryMonths: 3, ratingUnchangedWeeks: 26, caseloadLimit: 12 });
    }
  });

  it("refuses everyone else in plain English, the CSV too", async () => {
    for (const login of ["priya.shah", "ben.carter", "helen.morris", "claire.walker", "jamie.walker", "sam.patel"]) {
      const client = await signIn(server.url, login);
      const json = await client.get<ApiError>("/api/register");
      expect(json.status, login).toBe(403);
      expect(json.body.error).toMatch(/^(The register is for|This is a list for the keyworking service's staff)/);
      const csv = await fetch(`${server.url}/api/register.csv`, { headers: { cookie: client.cookie } });
      expect(csv.status, login).toBe(403);
    }
    const priya = await signIn(server.url, "priya.shah");
    expect((await priya.get<ApiError>("/api/register")).body.error).toBe(
      "The register is for senior keyworkers and the service lead. The children you are keyworker for are on your home page, highest risk first.",
    );
  });

  it("lets a senior keyworker see a child whose team they are not on, but not open the case; the service lead opens it", async () => {
    const id = await addChild({ name: "Nobody's Team", rating: "green", keyworkerId: priyaId });
    expect((await register(tom, "limit=500")).rows.find((r) => r.child.id === id)?.mayOpen).toBe(false);
    expect((await register(angela, "limit=500")).rows.find((r) => r.child.id === id)?.mayOpen).toBe(true);
  });
});

describe("filters, orders and pages", () => {
  it("filters by rating, by keyworker (first or second) and by no keyworker", async () => {
    const unallocated = await addChild({ name: "Unallocated Amber", rating: "amber" });
    expect(names(await register(angela, "rating=red"))).toEqual(["Jamie Walker"]);
    const priyas = await register(angela, `keyworker=${priyaId}&limit=500`);
    expect(priyas.rows.every((r) => r.keyworker?.id === priyaId || r.secondKeyworker?.id === priyaId)).toBe(true);
    expect(names(priyas)).toContain("Kai Thompson");
    const none = await register(angela, "keyworker=none&limit=500");
    expect(none.rows.map((r) => r.child.id)).toContain(unallocated);
    expect(none.rows.every((r) => r.keyworker === null && r.secondKeyworker === null)).toBe(true);
    // Signals: an amber child with no keyworker.
    expect(none.rows.find((r) => r.child.id === unallocated)!.signals).toEqual([{ kind: "no-keyworker", text: "Amber with no keyworker allocated." }]);

    // A second keyworker counts for the filter, not for the caseload.
    const tomId = tom.personId;
    await server.database.db.update(schema.cases).set({ secondKeyworkerId: tomId }).where(eq(schema.cases.id, unallocated));
    const toms = await register(angela, `keyworker=${tomId}&limit=500`);
    expect(toms.rows.map((r) => r.child.id)).toEqual([unallocated]);
    expect(toms.rows[0]!.signals).toEqual([]);
    expect(toms.keyworkers.find((k) => k.id === tomId)).toEqual({ id: tomId, name: "Tom Hughes", caseload: 0 });
  });

  it("pages through the service, saying how many children match", async () => {
    const all = await register(angela, "limit=500");
    const first = await register(angela, "limit=2");
    const second = await register(angela, "limit=2&page=2");
    expect(first.total).toBe(all.total);
    expect([...names(first), ...names(second)]).toEqual(names(all).slice(0, 4));
    const beyond = await register(angela, `limit=2&page=${all.total}`);
    expect(beyond).toMatchObject({ rows: [], total: all.total });
  });

  it("orders by keyworker, by last rating change and by next meeting", async () => {
    const byKeyworker = (await register(angela, "sort=keyworker&limit=500")).rows.map((r) => r.keyworker?.name ?? null);
    const named = byKeyworker.filter((n): n is string => n !== null);
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b, "en-GB")));
    expect(byKeyworker.indexOf(null)).toBeGreaterThan(byKeyworker.lastIndexOf(named.at(-1)!));

    const longAgo = await addChild({ name: "Long Unchanged", rating: "green", keyworkerId: priyaId, ratedAt: new Date("2020-01-06T12:00:00Z") });
    const byChange = await register(angela, "sort=last-change&limit=500");
    expect(byChange.rows[0]!.child.id).toBe(longAgo);
    expect(byChange.rows[0]!.signals.map((s) => s.kind)).toEqual(["rating-unchanged"]);
    const changes = byChange.rows.map((r) => r.lastRatingChangeAt);
    expect(changes).toEqual([...changes].sort());

    const meetings = (await register(angela, "sort=next-meeting&limit=500")).rows.map((r) => r.nextMeetingAt);
    const booked = meetings.filter((m): m is string => m !== null);
    expect(booked.length).toBeGreaterThanOrEqual(3);
    expect(booked).toEqual([...booked].sort());
    expect(meetings.slice(booked.length).every((m) => m === null)).toBe(true);
  });

  it("orders by next CETR due exactly as the domain works it out, and says when one is due", async () => {
    const inHospital = await addChild({ name: "In Hospital Overdue", rating: "blue", keyworkerId: priyaId, ratedAt: new Date("2026-01-10T10:00:00Z") });
    await addCetr(inHospital, "agreed", "2026-01-31"); // due 3 months on: the last day of April
    await addCetr(inHospital, "arranged", plusDays(today, 30));
    const redLongAgo = await addChild({ name: "Red Long Ago", rating: "red", keyworkerId: priyaId });
    await addCetr(redLongAgo, "held", "2025-06-01");
    await addCetr(redLongAgo, "requested", null);

    const page = await register(angela, "sort=next-cetr-due&limit=500");
    const due = page.rows.map((r) => r.nextCetrDueOn);
    const set = due.filter((d): d is string => d !== null);
    expect(set).toEqual([...set].sort());
    expect(due.slice(set.length).every((d) => d === null)).toBe(true);
    // Only blue and red children have a CETR due.
    expect(page.rows.filter((r) => r.nextCetrDueOn !== null).every((r) => r.rating === "blue" || r.rating === "red")).toBe(true);

    const hospital = page.rows.find((r) => r.child.id === inHospital)!;
    expect(hospital).toMatchObject({ lastCetrHeldOn: "2026-01-31", nextCetrDueOn: "2026-04-30", cetrArrangedOn: plusDays(today, 30) });
    expect(hospital.nextCetrDueOn).toBe(nextCetrDueOn({ rating: "blue", ratedOn: "2026-01-10", lastCetrHeldOn: "2026-01-31" }, page.settings));
    const red = page.rows.find((r) => r.child.id === redLongAgo)!;
    expect(red).toMatchObject({ lastCetrHeldOn: "2025-06-01", nextCetrDueOn: "2025-08-24", cetrArrangedOn: null });
    expect(red.signals[0]).toEqual({ kind: "red-without-cetr", text: "Red with no CETR in the last 12 weeks: the last was held on Sun 1 Jun 2025." });
    // Jamie (red, no CETR held) is due from the day he was rated: the day his case was made.
    expect(page.rows.find((r) => r.child.name === "Jamie Walker")!.nextCetrDueOn).not.toBeNull();
  });

  it("refuses a bad parameter with a 400 that says what is wrong", async () => {
    const cases: [string, string, RegExp][] = [
      ["sort=wibble", "sort", /^sort must be one of: rating, keyworker, last-change, next-meeting, next-cetr-due$/],
      ["limit=0", "limit", /at least 1/],
      ["limit=501", "limit", /at most 500/],
      ["page=0", "page", /from 1/],
      ["page=two", "page", /whole number/],
      ["keyworker=priya", "keyworker", /a person's id, or none/],
      ["rating=Red!", "rating", /a rating's name/],
      ["rating=purple", "rating", /no rating called "purple"/],
    ];
    for (const [search, field, message] of cases) {
      const res = await angela.get<ApiError>(`/api/register?${search}`);
      expect(res.status, search).toBe(400);
      expect(res.body.error, search).toMatch(/not valid/);
      expect(res.body.details?.[field], search).toMatch(message);
    }
  });
});

describe("the CSV download", () => {
  it("is the page on screen, quoted where it must be, with formulas made plain text, and is on each child's audit trail", async () => {
    const tricky = await addChild({ name: '=HYPERLINK("http://x.example","Open"), "Junior"\nSmith', rating: "yellow" });
    const minus = await addChild({ name: "-Minus, Child", rating: "yellow" });
    const at = await addChild({ name: "@At Child", rating: "yellow" });
    await server.database.db.update(schema.services).set({ ragLevels: [
      { rating: "red", label: "Red", criteria: "" },
      { rating: "amber", label: "Amber", criteria: "" },
      { rating: "yellow", label: "Yellow", criteria: "Watched closely" },
      { rating: "green", label: "Green", criteria: "" },
      { rating: "blue", label: "Blue", criteria: "" },
    ] }).where(eq(schema.services.id, serviceId));
    try {
      const res = await fetch(`${server.url}/api/register.csv?rating=yellow&sort=rating`, { headers: { cookie: angela.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="register-${today}.csv"`);
      // Read as bytes: a TextDecoder would drop the byte-order mark this checks for.
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.startsWith("\uFEFFChild,Case id,RAG rating,Keyworker,Second keyworker,Last rating change,Next meeting,Last CETR held,Next CETR due,CETR arranged for,Signals\r\n")).toBe(true);
      const lines = text.slice(1).split("\r\n");
      expect(lines.pop()).toBe(""); // the last line ends like the others
      // Each name as text: quoted where it must be, quotes doubled, a formula's first character guarded.
      // (In name order; which order depends on the database's collation, so compared as a set.)
      expect(lines.slice(1).sort()).toEqual(
        [
          `"'-Minus, Child",${minus},Yellow,,,${today},,,,,`,
          `"'=HYPERLINK(""http://x.example"",""Open""), ""Junior""\nSmith",${tricky},Yellow,,,${today},,,,,`,
          `'@At Child,${at},Yellow,,,${today},,,,,`,
        ].sort(),
      );

      const audited = await server.database.db
        .select({ caseId: schema.auditEvents.caseId, detail: schema.auditEvents.detail, role: schema.auditEvents.personRole })
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.action, "exported"), eq(schema.auditEvents.personId, angela.personId), inArray(schema.auditEvents.caseId, [tricky, minus, at])));
      expect(audited.map((a) => a.caseId).sort()).toEqual([tricky, minus, at].sort());
      expect(audited[0]).toMatchObject({ role: "service-lead", detail: { format: "csv", list: "register", children: 3 } });
    } finally {
      await server.database.db.update(schema.services).set({ ragLevels: null }).where(eq(schema.services.id, serviceId));
    }
  });

  it("puts every signal of a child in one cell, a line each", async () => {
    const id = await addChild({ name: "Red Unallocated", rating: "red", ratedAt: new Date("2020-01-06T12:00:00Z") });
    const res = await fetch(`${server.url}/api/register.csv?keyworker=none&rating=red`, { headers: { cookie: tom.cookie } });
    const text = await res.text();
    expect(text).toContain(
      `Red Unallocated,${id},Red,,,2020-01-06,,,2020-01-06,,"Red with no CETR in the last 12 weeks: none has been held.\nRed with no keyworker allocated.\nRating unchanged for `,
    );
  });
});

describe("another service's children", () => {
  it("never appear, in any order or filter, nor count towards a keyworker's caseload", async () => {
    const { db } = server.database;
    const [other] = await db.insert(schema.services).values({ name: "Elsewhere Keyworking", area: "Elsewhere" }).returning({ id: schema.services.id });
    const hidden: string[] = [];
    for (const rating of ["blue", "red", "amber", "green"]) {
      hidden.push(await addChild({ name: `Elsewhere ${rating}`, rating, serviceId: other!.id, keyworkerId: priyaId, ratedAt: new Date("2019-01-01T00:00:00Z") }));
    }
    const before = (await register(angela)).keyworkers.find((k) => k.id === priyaId)!.caseload;
    for (const search of ["", "sort=keyworker", "sort=last-change", "sort=next-meeting", "sort=next-cetr-due", "rating=blue", `keyworker=${priyaId}`, "keyworker=none"]) {
      for (const client of [tom, angela]) {
        const page = await register(client, `${search}&limit=500`);
        const shown: RegisterRow[] = page.rows;
        expect(shown.some((r) => hidden.includes(r.child.id)), search).toBe(false);
        expect(shown.some((r) => r.child.name.startsWith("Elsewhere")), search).toBe(false);
      }
    }
    const { rows } = await register(angela, `keyworker=${priyaId}&limit=500`);
    expect((await register(angela)).keyworkers.find((k) => k.id === priyaId)!.caseload).toBe(before);
    expect(rows.filter((r) => r.keyworker?.id === priyaId)).toHaveLength(before);
    const csv = await (await fetch(`${server.url}/api/register.csv?limit=500`, { headers: { cookie: angela.cookie } })).text();
    expect(csv).not.toContain("Elsewhere");
  });
});
