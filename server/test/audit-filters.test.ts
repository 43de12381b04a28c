/**
 * The audit trail and the family's access report as people use them: narrowed by person, record,
 * kind of event and dates (UK days), a page at a time, with repeated opens of one record by one
 * person on one day as one line with a count. Events are written straight into the trail at
 * chosen moments, as the server writes them, so days and counts are known.
 */
import { schema } from "@roundtable/db";
import type { AccessReportEntry, AuditAction, AuditEvent, AuditFilterChoices, CaseDetail, Meeting } from "@roundtable/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();
let tom: SignedIn;
let claire: SignedIn;
let priya: SignedIn;
let jamie: CaseDetail;
let plan: string;
let professionalsOnly: string;

const mark = { id: "", name: "Mark Davies", role: "professional" as const };

async function write(action: AuditAction, at: string, documentId: string | null, who = mark): Promise<void> {
  await server.database.db.insert(schema.auditEvents).values({
    at: new Date(at),
    personId: who.id,
    personName: who.name,
    personRole: who.role,
    action,
    caseId: jamie.id,
    documentId,
    detail: action === "opened" ? { via: "editor" } : null,
  });
}

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  tom = await signIn(server.url, "tom.hughes");
  claire = await signIn(server.url, "claire.walker");
  const markSignedIn = await signIn(server.url, "mark.davies");
  mark.id = markSignedIn.personId;
  const jamieId = (await caseNamed(priya, "Jamie Walker")).id;
  jamie = (await priya.get<CaseDetail>(`/api/cases/${jamieId}`)).body;
  plan = jamie.documents.find((d) => d.kind === "care-plan")!.id;
  // The minutes of a professionals meeting: a record the family may not know exists.
  professionalsOnly = (await priya.get<Meeting[]>(`/api/cases/${jamie.id}/meetings`)).body.find((m) => m.type === "professionals")!.minutesDocumentId!;
  // Long before the demo's own history. 2 June (British Summer Time): Mark opens the plan three
  // times (one line) and prints it once; at 00:30 on 3 June in the UK — still 2 June in UTC — he
  // opens it again: a new UK day, a new line.
  await write("opened", "2025-06-02T08:00:00Z", plan);
  await write("opened", "2025-06-02T10:00:00Z", plan);
  await write("printed", "2025-06-02T10:30:00Z", plan);
  await write("opened", "2025-06-02T15:45:00Z", plan);
  await write("opened", "2025-06-02T23:30:00Z", plan);
  await write("opened", "2025-06-03T08:00:00Z", professionalsOnly);
});

/** The days of these tests' events, which every question narrows to (on top of its own filters). */
const june = "from=2025-06-01&to=2025-06-30";

const trail = async (query: string) => {
  const res = await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit?personId=${mark.id}&${june}&${query}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe("the audit trail, narrowed and collapsed", () => {
  it("shows repeated opens of one record by one person on one UK day as one line with a count", async () => {
    const lines = await trail("");
    expect(lines.map((l) => [l.action, l.document?.id, l.count, l.firstAt, l.at])).toEqual([
      ["opened", professionalsOnly, 1, "2025-06-03T08:00:00.000Z", "2025-06-03T08:00:00.000Z"],
      ["opened", plan, 1, "2025-06-02T23:30:00.000Z", "2025-06-02T23:30:00.000Z"],
      ["opened", plan, 3, "2025-06-02T08:00:00.000Z", "2025-06-02T15:45:00.000Z"],
      ["printed", plan, 1, "2025-06-02T10:30:00.000Z", "2025-06-02T10:30:00.000Z"],
    ]);
    expect(lines[2]!.detail).toEqual({ via: "editor" });
  });

  it("narrows by record, kind of event and UK dates, both ends included", async () => {
    expect((await trail(`documentId=${plan}&action=opened`)).map((l) => l.count)).toEqual([1, 3]);
    const day = async (from: string, to: string) =>
      (await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit?personId=${mark.id}&from=${from}&to=${to}`)).body;
    expect((await day("2025-06-03", "2025-06-03")).map((l) => l.document?.id)).toEqual([professionalsOnly, plan]);
    expect((await day("2025-06-01", "2025-06-02")).map((l) => l.action)).toEqual(["opened", "printed"]);
    expect(await day("2025-06-03", "2025-06-30").then((lines) => lines.filter((l) => l.action === "printed"))).toEqual([]);
  });

  it("pages by line: the next page starts after the last line shown, and no line is split or repeated", async () => {
    const all = await trail("");
    const seen: AuditEvent[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await trail(`limit=1${before ? `&before=${before}` : ""}`);
      if (page.length === 0) break;
      seen.push(...page);
      before = page.at(-1)!.id;
    }
    expect(seen.map((l) => [l.id, l.count])).toEqual(all.map((l) => [l.id, l.count]));
  });

  it("pages against the trail as it was when the first page was read: an event arriving meanwhile neither hides nor repeats a line", async () => {
    // A month of its own, so the other questions' lines stay as they are.
    const july = async (query: string) =>
      (await tom.get<AuditEvent[]>(`/api/cases/${jamie.id}/audit?personId=${mark.id}&from=2025-07-01&to=2025-07-31&${query}`)).body;
    await write("opened", "2025-07-01T08:00:00Z", plan);
    await write("opened", "2025-07-01T09:00:00Z", plan);
    await write("printed", "2025-07-01T09:30:00Z", plan);
    await write("opened", "2025-07-02T08:00:00Z", professionalsOnly);
    const whole = await july("");
    const seen = await july("limit=1");
    const asOf = seen[0]!.id;
    // Mark opens the plan again on 1 July: that day's line of opens now ends after the first page.
    await write("opened", "2025-07-01T10:00:00Z", plan);
    for (;;) {
      const page = await july(`limit=1&before=${seen.at(-1)!.id}&asOf=${asOf}`);
      if (page.length === 0) break;
      seen.push(...page);
    }
    expect(seen.map((l) => [l.id, l.action, l.count])).toEqual(whole.map((l) => [l.id, l.action, l.count]));
  });

  it("offers the people and records on the trail as filter choices, and refuses bad filters with reasons", async () => {
    const choices = (await tom.get<AuditFilterChoices>(`/api/cases/${jamie.id}/audit/choices`)).body;
    expect(choices.people.map((p) => p.name)).toContain("Mark Davies");
    expect(choices.records.map((r) => r.id)).toEqual(expect.arrayContaining([plan, professionalsOnly]));
    const bad = await tom.get<{ details: Record<string, string> }>(`/api/cases/${jamie.id}/audit?action=deleted&personId=me&from=yesterday`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(["action", "from", "personId"]);
    const backwards = await tom.get<{ details: Record<string, string> }>(`/api/cases/${jamie.id}/audit?from=2026-12-05&to=2026-12-01`);
    expect(backwards.body.details).toEqual({ to: "The end date must be the same as or after the start date" });
    expect((await priya.get(`/api/cases/${jamie.id}/audit/choices`)).status).toBe(403);
    expect((await claire.get(`/api/cases/${jamie.id}/audit/choices`)).status).toBe(403);
  });
});

describe("the family's access report, narrowed and collapsed", () => {
  it("collapses repeated opens the same way, and never shows or offers a record the family cannot open", async () => {
    const report = (await claire.get<AccessReportEntry[]>(`/api/cases/${jamie.id}/access-report?personId=${mark.id}&${june}`)).body;
    expect(report.map((r) => [r.action, r.record, r.count])).toEqual([
      ["opened", "Jamie's care plan", 1],
      ["opened", "Jamie's care plan", 3],
      ["printed", "Jamie's care plan", 1],
    ]);
    const choices = (await claire.get<AuditFilterChoices>(`/api/cases/${jamie.id}/access-report/choices`)).body;
    expect(choices.records.map((r) => r.id)).not.toContain(professionalsOnly);
    expect(choices.records.map((r) => r.id)).toContain(plan);
    const onDay = (await claire.get<AccessReportEntry[]>(`/api/cases/${jamie.id}/access-report?personId=${mark.id}&from=2025-06-02&to=2025-06-02&limit=1`)).body;
    expect(onDay.map((r) => r.count)).toEqual([3]);
    const next = (await claire.get<AccessReportEntry[]>(`/api/cases/${jamie.id}/access-report?personId=${mark.id}&from=2025-06-02&to=2025-06-02&before=${onDay[0]!.id}`)).body;
    expect(next.map((r) => r.action)).toEqual(["printed"]);
    expect((await tom.get(`/api/cases/${jamie.id}/access-report/choices`)).status).toBe(403);
  });
});
