import type { Action, ActionEscalations, ActionEvent, AgencyWithContact, ApiError, CaseDetail, EscalationWritten, InboxPage } from "@roundtable/domain";
import { todayInEngland } from "@roundtable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import type { CollabClient } from "./support/collab-client.js";
import { useSmtpSink } from "./support/smtp-sink.js";
import { useTestServer } from "./support/test-server.js";
import { typeAction } from "./support/typed-action.js";
import { waitFor } from "./support/wait-for.js";

const smtp = useSmtpSink();
const server = useTestServer({
  configure: (config) => {
    config.mail = { smtpUrl: smtp.url, from: "Roundtable <no-reply@roundtable.test>", digestHour: null }; // the test sends any digests itself, at any hour
    config.publicUrl = "https://roundtable.example.org";
  },
});

const clients: CollabClient[] = [];
let priya: SignedIn;
let tom: SignedIn;
let angela: SignedIn;
let helen: SignedIn;
let rachel: SignedIn;
let lucy: SignedIn;
let claire: SignedIn;
let sophie: SignedIn;
let team: CaseDetail["team"];
let documentId: string;

const daysFromToday = (days: number) => {
  const d = new Date(`${todayInEngland()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const idOf = (name: string) => team.find((m) => m.name === name)!.personId;
const escalate = (who: SignedIn, actionId: string, note: string) => who.post<EscalationWritten & ApiError>(`/api/actions/${actionId}/escalations`, { note });
const inbox = async (who: SignedIn) => (await who.get<InboxPage>("/api/notifications?limit=100")).body.notifications;

beforeAll(async () => {
  const as = (login: string) => signIn(server.url, login);
  [priya, tom, angela, helen, rachel, lucy, claire, sophie] = await Promise.all([
    as("priya.shah"),
    as("tom.hughes"),
    as("angela.okafor"),
    as("helen.morris"),
    as("rachel.adams"),
    as("lucy.evans"),
    as("claire.walker"),
    as("sophie.grant"),
  ]);
  const plan = await carePlanOf(priya, "Jamie Walker");
  documentId = plan.documentId;
  team = (await priya.get<CaseDetail>(`/api/cases/${plan.caseId}`)).body.team;
  // The ICB names its director of nursing as its escalation contact.
  const icb = (await angela.get<AgencyWithContact[]>("/api/agencies")).body.find((a) => a.kind === "icb")!;
  const named = await angela.put<AgencyWithContact>(`/api/agencies/${icb.id}/escalation-contact`, { personId: rachel.personId });
  expect(named.status).toBe(200);
  expect(named.body.escalationContact?.name).toBe("Rachel Adams");
});
afterAll(() => {
  for (const c of clients) c.destroy();
});

describe("escalating an overdue action", () => {
  let helensAction: string;
  const text = "Send the commissioning panel's decision on the residential short break";
  const note = "Claire has asked three times; Jamie needs the decision before half term.";

  it("first tells the owner and their agency's escalation contact, in the app and by email in general words", async () => {
    helensAction = await typeAction(server.url, priya, documentId, { text, ownerId: idOf("Helen Morris"), dueDate: daysFromToday(-4) }, clients);
    const res = await escalate(tom, helensAction, note);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ actionId: helensAction, level: 1, note, by: { name: "Tom Hughes" }, told: ["Helen Morris", "Rachel Adams"], notes: [] });

    // The owner may open the plan: she reads what and for whom, and the note.
    const toHelen = (await inbox(helen)).find((n) => n.kind === "action-escalated")!;
    expect(toHelen.title).toBe(`Escalated: ${text}`);
    expect(toHelen.body).toContain("Jamie Walker");
    expect(toHelen.body).toContain(note);
    expect(toHelen.link).toBe(`/documents/${documentId}#action-${helensAction}`);
    // Rachel is not on Jamie's team: told only that it came to her, whose it is and whom to ask.
    const toRachel = (await inbox(rachel)).find((n) => n.kind === "escalated-to-you")!;
    expect(`${toRachel.title} ${toRachel.body}`).not.toMatch(/Jamie|Walker|commissioning|half term/);
    expect(toRachel.body).toContain("Helen Morris");
    expect(toRachel.body).toContain("Tom Hughes");

    const mail = await waitFor(
      () => {
        const found = smtp.messages.filter((m) => m.subject.includes("escalated"));
        return found.length >= 2 ? found : undefined;
      },
      { what: "two escalation emails" },
    );
    expect(mail.flatMap((m) => m.to).sort()).toEqual(["helen.morris@roundtable.demo", "rachel.adams@roundtable.demo"]);
    const helensMail = mail.find((m) => m.to.includes("helen.morris@roundtable.demo"))!;
    expect(helensMail.subject).toBe("An action you own has been escalated");
    expect(helensMail.body).toContain("An action you own in Roundtable has been escalated because it is overdue. Sign in to see it.");
    expect(helensMail.body).toContain(`https://roundtable.example.org/documents/${documentId}#action-${helensAction}`);
    // Email leaves our control: no child's name, no action text, no note.
    for (const m of mail) expect(`${m.subject}\n${m.body}`).not.toMatch(/Jamie|Walker|commissioning|short break|half term/);
  });

  it("shows the escalation in the action's history and on the action, to professionals but never to the family", async () => {
    const events = (await tom.get<ActionEvent[]>(`/api/actions/${helensAction}/events`)).body;
    expect(events.at(-1)).toMatchObject({ field: "escalated", from: "1", to: note, by: { name: "Tom Hughes" } });
    const action = (await helen.get<Action>(`/api/actions/${helensAction}`)).body;
    expect(action).toMatchObject({ escalations: 1, lastEscalation: { level: 1, byName: "Tom Hughes" } });
    const listed = (await tom.get<Action[]>("/api/actions?overdue=true")).body.find((a) => a.id === helensAction)!;
    expect(listed.escalations).toBe(1);
    const escalations = (await lucy.get<ActionEscalations>(`/api/actions/${helensAction}/escalations`)).body;
    expect(escalations.escalations).toMatchObject([{ level: 1, note, told: ["Helen Morris", "Rachel Adams"] }]);

    // Claire reads the care plan's actions, but escalations are between services.
    const hers = await claire.get<Action>(`/api/actions/${helensAction}`);
    expect(hers.status).toBe(200);
    expect(hers.body).toMatchObject({ escalations: 0, lastEscalation: null });
    expect((await claire.get<ActionEvent[]>(`/api/actions/${helensAction}/events`)).body.some((e) => e.field === "escalated")).toBe(false);
    expect((await claire.get(`/api/actions/${helensAction}/escalations`)).status).toBe(404);
  });

  it("goes to the escalating person's second level while it stays overdue, once a day each", async () => {
    const second = await escalate(tom, helensAction, "Still nothing: please raise it with the ICB.");
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ level: 2, told: ["Angela Okafor"] });
    expect((await inbox(angela)).some((n) => n.kind === "escalated-to-you" && n.link?.endsWith(`#action-${helensAction}`))).toBe(true);

    const again = await escalate(tom, helensAction, "And again.");
    expect(again.status).toBe(409);
    expect(again.body.error).toContain("today already");
    // Someone else may: Priya's second level is Tom.
    expect((await escalate(priya, helensAction, "From me too.")).body).toMatchObject({ level: 2, told: ["Tom Hughes"] });
  });

  it("says plainly when the escalating person has no second level", async () => {
    const res = await escalate(angela, helensAction, "Over to the board.");
    expect(res.status).toBe(409);
    expect(res.body.error).toBe("No second level is set up for you: ask your service lead");
  });

  it("still tells the owner when their agency has named no contact, and says so", async () => {
    const priyasAction = await typeAction(server.url, priya, documentId, { text: "Book the respite visit", ownerId: idOf("Priya Shah"), dueDate: daysFromToday(-2) }, clients);
    const res = await escalate(tom, priyasAction, "Please book it today.");
    expect(res.status).toBe(201);
    expect(res.body.told).toEqual(["Priya Shah"]);
    expect(res.body.notes).toEqual(["Northbridge Keyworking Service has no escalation contact named, so only the owner is told. Ask your service lead to name one."]);
  });

  it("refuses an action that is not overdue, in plain English", async () => {
    const notYet = await typeAction(server.url, priya, documentId, { text: "Share the new timetable", ownerId: idOf("Lucy Evans"), dueDate: daysFromToday(3) }, clients);
    const res = await escalate(tom, notYet, "Chasing early.");
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/^This action is not overdue: it is due on .+\. Only an overdue action can be escalated\.$/);
  });

  it("hides it from a family and anyone who may not see the action, and refuses a professional", async () => {
    expect((await escalate(claire, helensAction, "Please")).status).toBe(404);
    expect((await escalate(sophie, helensAction, "Please")).status).toBe(404);
    const byLucy = await escalate(lucy, helensAction, "Please");
    expect(byLucy.status).toBe(403);
    expect(byLucy.body.error).toContain("keyworkers, senior keyworkers, service leads and ICB leads");
    expect((await tom.post(`/api/actions/${helensAction}/escalations`, { note: "x".repeat(2001) })).status).toBe(400);
  });
});

describe("agencies' escalation contacts", () => {
  it("are named by the service lead only, from people who work for the agency", async () => {
    const agencies = (await angela.get<AgencyWithContact[]>("/api/agencies")).body;
    const camhs = agencies.find((a) => a.name === "Northbridge CAMHS")!;
    expect(camhs.escalationContact?.name).toBe("Dr Ben Carter");
    expect((await tom.get("/api/agencies")).status).toBe(403);
    expect((await tom.put(`/api/agencies/${camhs.id}/escalation-contact`, { personId: null })).status).toBe(403);
    const outsider = await angela.put<ApiError>(`/api/agencies/${camhs.id}/escalation-contact`, { personId: lucy.personId });
    expect(outsider.status).toBe(400);
    expect(outsider.body.details?.personId).toBe("Choose someone who works for Northbridge CAMHS");
    const cleared = await angela.put<AgencyWithContact>(`/api/agencies/${camhs.id}/escalation-contact`, { personId: null });
    expect(cleared.body.escalationContact).toBeNull();
  });
});
