/**
 * The overdue list, as overdueScope in packages/domain says: the service's for senior keyworkers
 * and service leads, a keyworker's own caseload, and refused to everyone it is not for.
 */
import { schema } from "@roundtable/db";
import { overdueScope, type Action, type CaseSummary } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { demoPeople } from "../src/demo-data/people.js";
import { caseNamed, signIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();

describe("the overdue list", () => {
  it("holds only a keyworker's own caseload, and the whole service for a senior keyworker", async () => {
    const [priya, tom] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "tom.hughes")]);
    const aisha = await caseNamed(tom, "Aisha Reid");
    // Aisha's keyworker is now Tom; Priya stays on her team (the demo data has an overdue action on it).
    await server.database.db.update(schema.cases).set({ keyworkerId: tom.personId }).where(eq(schema.cases.id, aisha.id));

    const priyas = (await priya.get<Action[]>("/api/actions?overdue=true")).body;
    const toms = (await tom.get<Action[]>("/api/actions?overdue=true")).body;
    const priyasCases = new Set((await priya.get<CaseSummary[]>("/api/cases")).body.filter((c) => c.keyworker?.id === priya.personId).map((c) => c.id));
    expect(priyas.length).toBeGreaterThan(0);
    expect(priyas.every((a) => priyasCases.has(a.caseId))).toBe(true);
    expect(priyas.some((a) => a.caseId === aisha.id)).toBe(false);
    // Priya can still see Aisha's actions elsewhere: only the overdue list is narrowed.
    expect((await priya.get<Action[]>(`/api/actions?caseId=${aisha.id}`)).body.length).toBeGreaterThan(0);
    expect(toms.some((a) => a.caseId === aisha.id)).toBe(true);
    expect(toms.some((a) => priyasCases.has(a.caseId))).toBe(true);
  });

  it("refuses everyone the page is not for, as the rules say", async () => {
    for (const { email, role } of demoPeople) {
      const login = email.split("@")[0]!;
      const person = await signIn(server.url, login);
      const res = await person.get("/api/actions?overdue=true");
      expect({ login, status: res.status }).toEqual({ login, status: overdueScope(role) === null ? 403 : 200 });
    }
  });

  it("says of each listed action whether its update buttons will be accepted, as the server then answers", async () => {
    for (const login of ["angela.okafor", "tom.hughes", "helen.morris", "priya.shah"]) {
      const person = await signIn(server.url, login);
      const listed = (await person.get<Action[]>("/api/actions?overdue=true")).body;
      for (const action of listed) {
        const res = await person.patch(`/api/actions/${action.id}`, { status: action.status });
        expect({ login, action: action.text, accepted: res.status === 200 }).toEqual({ login, action: action.text, accepted: action.mayUpdate });
      }
    }
    // The service lead reads the service's plans: nothing on her list is hers to change.
    const angela = await signIn(server.url, "angela.okafor");
    expect((await angela.get<Action[]>("/api/actions?overdue=true")).body.some((a) => !a.mayUpdate)).toBe(true);
  });
});
