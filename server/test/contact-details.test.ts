/** Staff and professionals keep their own phone and working hours, which their teams then see; families do not. */
import type { CaseDetail, TeamContact } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { caseNamed, signIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

const server = useTestServer();

describe("your own contact details", () => {
  it("are changed by you and shown to your teams, and never the family's", async () => {
    const [mark, claire] = await Promise.all([signIn(server.url, "mark.davies"), signIn(server.url, "claire.walker")]);
    const changed = await mark.put<TeamContact>("/api/me/contact", { phone: "01632 960 999", workingHours: "Term time only, 8am to 4pm" });
    expect(changed).toMatchObject({ status: 200, body: { email: "mark.davies@roundtable.demo", phone: "01632 960 999", workingHours: "Term time only, 8am to 4pm" } });
    const jamie = await caseNamed(claire, "Jamie Walker");
    const team = (await claire.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team;
    expect(team.find((m) => m.name === "Mark Davies")?.contact).toEqual(changed.body);
    expect(team.find((m) => m.name === "Claire Walker")?.contact).toBeNull();
    expect((await claire.put("/api/me/contact", { phone: "01632 960 000", workingHours: "" })).status).toBe(403);
    expect((await claire.get("/api/me/contact")).status).toBe(403);
  });

  it("are bounded: too long, or not a phone number, is a clear 400", async () => {
    const mark = await signIn(server.url, "mark.davies");
    const tooLong = await mark.put<{ details: Record<string, string> }>("/api/me/contact", { phone: "", workingHours: "x".repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details.workingHours).toBe("Keep your working hours under 200 characters");
    expect((await mark.put("/api/me/contact", { phone: "call me", workingHours: "" })).status).toBe(400);
  });
});
