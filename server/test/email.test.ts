import { randomUUID } from "node:crypto";
import type { CaseDetail, CaseSummary, ConsentRecord, Meeting } from "@roundtable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { sendDailyDigests } from "../src/notifications/daily-digest.js";
import { createMailer } from "../src/notifications/mailer.js";
import { caseNamed, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useSmtpSink } from "./support/smtp-sink.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const smtp = useSmtpSink();
const server = useTestServer({
  configure: (config) => {
    config.mail = { smtpUrl: smtp.url, from: "Roundtable <no-reply@roundtable.test>", digestHour: null }; // the test sends any digests itself, at any hour
    config.publicUrl = "https://roundtable.example.org";
  },
});
let priya: SignedIn;
let editor: CollabClient | undefined;

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
});
afterAll(async () => {
  editor?.destroy();
});

describe("email", () => {
  it("circulates agreed minutes by email in general words with a link", async () => {
    const jamie = await caseNamed(priya, "Jamie Walker");
    const team = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team;
    const id = (name: string) => team.find((m) => m.name === name)!.personId;
    const meeting = (await priya.post<Meeting>("/api/meetings", { type: "tracker", startsAt: "2026-12-03T10:00:00Z", caseIds: [jamie.id], inviteeIds: [id("Mark Davies")] })).body;
    for (const command of ["start", "end", "agree-minutes"]) expect((await priya.post(`/api/meetings/${meeting.id}/commands`, { command })).status).toBe(200);
    // (The demo data's overdue actions also send reminders; only the minutes matter here.)
    const minutesMail = () => smtp.messages.filter((m) => m.body.includes(`/meetings/${meeting.id}`));
    await waitFor(() => minutesMail().length >= 2, { what: "two emails" });
    const recipients = minutesMail().flatMap((m) => m.to).sort();
    expect(recipients).toEqual(["mark.davies@roundtable.demo", "priya.shah@roundtable.demo"]);
    const toMark = minutesMail().find((m) => m.to.includes("mark.davies@roundtable.demo"))!;
    expect(toMark.subject).toBe("Minutes agreed in Roundtable");
    expect(toMark.body).toContain(`https://roundtable.example.org/meetings/${meeting.id}`);
    // Email leaves our control: no child's name, no meeting title (docs/adr/0005).
    for (const m of minutesMail()) expect(`${m.subject}\n${m.body}`).not.toMatch(/Jamie|Walker|Tracker meeting/);
  });

  it("emails overdue reminders without the action's words or the child's name", async () => {
    // The demo data has overdue actions; the server reminded their owners when it started.
    const reminders = await waitFor(
      () => {
        const found = smtp.messages.filter((m) => m.subject === "An action you own is overdue");
        return found.length > 0 ? found : undefined;
      },
      { what: "overdue reminders" },
    );
    const cases = (await priya.get<CaseSummary[]>("/api/cases")).body;
    const surnames = [...new Set(cases.map((c) => c.name.split(" ").at(-1)!))];
    for (const m of reminders) {
      expect(m.body).toContain("https://roundtable.example.org/documents/");
      for (const name of surnames) expect(`${m.subject}\n${m.body}`).not.toContain(name);
    }
  });

  it("does not tell an invitee of agreed minutes once the family has withdrawn sharing consent with their agency", async () => {
    const jamie = await caseNamed(priya, "Jamie Walker");
    const team = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team;
    const id = (name: string) => team.find((m) => m.name === name)!.personId;
    const meeting = (
      await priya.post<Meeting>("/api/meetings", { type: "review", startsAt: "2026-12-04T10:00:00Z", caseId: jamie.id, inviteeIds: [id("Mark Davies"), id("Dr Ben Carter")] })
    ).body;
    const school = (await priya.get<ConsentRecord[]>(`/api/cases/${jamie.id}/consents`)).body.find(
      (c) => c.kind === "share-with-agency" && c.agency?.name === "Riverside Academy" && c.withdrawn === null,
    )!;
    expect((await priya.post(`/api/cases/${jamie.id}/consents/${school.id}/withdraw`, {})).status).toBe(200);
    for (const command of ["start", "end", "agree-minutes"]) expect((await priya.post(`/api/meetings/${meeting.id}/commands`, { command })).status).toBe(200);
    const minutesMail = () => smtp.messages.filter((m) => m.body.includes(`/meetings/${meeting.id}`));
    // Priya and Ben are told; once both have been, Mark would have been too.
    await waitFor(() => minutesMail().length >= 2, { what: "the chair's and Ben's emails" });
    expect(minutesMail().flatMap((m) => m.to).sort()).toEqual(["ben.carter@roundtable.demo", "priya.shah@roundtable.demo"]);
    const mark = await signIn(server.url, "mark.davies");
    const told = (await mark.get<{ notifications: { link: string | null }[] }>("/api/notifications?limit=100")).body.notifications;
    expect(told.map((n) => n.link)).not.toContain(`/meetings/${meeting.id}`);
  });

  it("sends each person one daily digest with counts and a link, once a day", async () => {
    const aisha = await caseNamed(priya, "Aisha Reid");
    const detail = (await priya.get<CaseDetail>(`/api/cases/${aisha.id}`)).body;
    const sophie = detail.team.find((m) => m.name === "Sophie Grant")!.personId;
    const plan = detail.documents.find((d) => d.kind === "care-plan")!;
    const sophiesBefore = (await priya.get<unknown[]>(`/api/actions?caseId=${aisha.id}&owner=${sophie}`)).body.length;
    editor = await connectCollab(server.url, plan.id, priya.cookie);
    for (const [text, dueDate] of [["Link Daniel with the sleep group", "2026-11-01"], ["Send the sleep diary", "2026-11-27"]]) {
      const el = new Y.XmlElement("actionItem");
      el.setAttribute("id", randomUUID());
      el.setAttribute("ownerId", sophie);
      el.setAttribute("dueDate", dueDate!);
      el.insert(0, [new Y.XmlText(text!)]);
      editor.doc.getXmlFragment("default").push([el]);
    }
    await waitFor(async () => (await priya.get<unknown[]>(`/api/actions?caseId=${aisha.id}&owner=${sophie}`)).body.length === sophiesBefore + 2, { what: "the actions" });
    const mailer = createMailer(smtp.url, "Roundtable <no-reply@roundtable.test>", server.log)!;
    const digests = () => smtp.messages.filter((m) => m.subject.startsWith("Your actions today"));
    const sent = await sendDailyDigests(server.database.db, mailer, "https://roundtable.example.org", "2026-11-25");
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await sendDailyDigests(server.database.db, mailer, "https://roundtable.example.org", "2026-11-25")).toBe(0);
    await waitFor(() => digests().length === sent, { what: "the digests" });
    expect(new Set(digests().flatMap((m) => m.to)).size).toBe(sent); // one each
    const digest = digests().find((m) => m.to.includes("sophie.grant@roundtable.demo"))!;
    expect(digest.to).toEqual(["sophie.grant@roundtable.demo"]);
    expect(digest.subject).toBe("Your actions today: 1 overdue, 1 due in the next 7 days");
    expect(digest.body).toContain("https://roundtable.example.org/actions");
    expect(digest.body).not.toContain("sleep"); // counts and a link, not the child's details
    mailer.close();
  });
  it("emails each kind as its person chose: straight away, in the daily email, or not at all", async () => {
    const jamie = await caseNamed(priya, "Jamie Walker");
    const team = (await priya.get<CaseDetail>(`/api/cases/${jamie.id}`)).body.team;
    const id = (name: string) => team.find((m) => m.name === name)!.personId;
    const [ben, lucy] = await Promise.all([signIn(server.url, "ben.carter"), signIn(server.url, "lucy.evans")]);
    expect((await ben.put("/api/notifications/email-preferences", { "minutes-agreed": "daily-digest" })).status).toBe(200);
    expect((await lucy.put("/api/notifications/email-preferences", { "minutes-agreed": "none" })).status).toBe(200);
    const meeting = (
      await priya.post<Meeting>("/api/meetings", { type: "review", title: "Preferences review", startsAt: "2026-12-05T10:00:00Z", caseId: jamie.id, inviteeIds: [id("Dr Ben Carter"), id("Lucy Evans")] })
    ).body;
    for (const command of ["start", "end", "agree-minutes"]) expect((await priya.post(`/api/meetings/${meeting.id}/commands`, { command })).status).toBe(200);
    // The emails are sent before the command answers: the chair's (straight away) is here, and only hers.
    const minutesMail = () => smtp.messages.filter((m) => m.body.includes(`/meetings/${meeting.id}`));
    await waitFor(() => minutesMail().length >= 1, { what: "the chair's email" });
    expect(minutesMail().flatMap((m) => m.to)).toEqual(["priya.shah@roundtable.demo"]);
    // In-app notifications happen whatever the email choice.
    for (const person of [ben, lucy]) {
      const told = (await person.get<{ notifications: { link: string | null }[] }>("/api/notifications?limit=100")).body.notifications;
      expect(told.map((n) => n.link)).toContain(`/meetings/${meeting.id}`);
    }

    // The daily email gathers Ben's, in general words; Lucy's mentions no minutes.
    const mailer = createMailer(smtp.url, "Roundtable <no-reply@roundtable.test>", server.log)!;
    const before = smtp.messages.length;
    await sendDailyDigests(server.database.db, mailer, "https://roundtable.example.org", "2026-12-07");
    mailer.close();
    const digestTo = (email: string) => smtp.messages.slice(before).find((m) => m.to.includes(email));
    const bens = digestTo("ben.carter@roundtable.demo");
    expect(bens?.body).toContain("the minutes of 1 meeting you were invited to were agreed");
    expect(bens?.body).toContain("https://roundtable.example.org/notifications");
    expect(`${bens?.subject}\n${bens?.body}`).not.toMatch(/Preferences review|Jamie|Walker/);
    expect(digestTo("lucy.evans@roundtable.demo")?.body ?? "").not.toContain("minutes");
    expect(digestTo("priya.shah@roundtable.demo")?.body ?? "").not.toContain("minutes");

    // Read in the app before the next day's email: not gathered again.
    const mailer2 = createMailer(smtp.url, "Roundtable <no-reply@roundtable.test>", server.log)!;
    const before2 = smtp.messages.length;
    await sendDailyDigests(server.database.db, mailer2, "https://roundtable.example.org", "2026-12-08");
    mailer2.close();
    expect(smtp.messages.slice(before2).find((m) => m.to.includes("ben.carter@roundtable.demo"))?.body ?? "").not.toContain("minutes");
  });
});
