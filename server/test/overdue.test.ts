import { randomUUID } from "node:crypto";
import type { CaseDetail, LiveNotification, Meeting } from "@roundtable/domain";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

type NotificationJson = LiveNotification;

const server = useTestServer({ configure: (config) => { config.overdueCheckMs = 200; } });
let priya: SignedIn;
let mark: SignedIn;
let socket: Socket;
let editor: CollabClient;

beforeAll(async () => {
  [priya, mark] = await Promise.all([signIn(server.url, "priya.shah"), signIn(server.url, "mark.davies")]);
  socket = io(server.url, { extraHeaders: { cookie: mark.cookie }, transports: ["websocket"] });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
});
afterAll(async () => {
  socket?.close();
  editor?.destroy();
});

describe("overdue actions", () => {
  it("tells the owner once, on its own, when an action's due date has passed", async () => {
    const received: NotificationJson[] = [];
    socket.on("notification", (n: NotificationJson) => received.push(n));
    const { caseId, documentId } = await carePlanOf(priya, "Jamie Walker");
    const markId = (await priya.get<CaseDetail>(`/api/cases/${caseId}`)).body.team.find((m) => m.name === "Mark Davies")!.personId;
    editor = await connectCollab(server.url, documentId, priya.cookie);
    const id = randomUUID();
    const el = new Y.XmlElement("actionItem");
    el.setAttribute("id", id);
    el.setAttribute("ownerId", markId);
    el.setAttribute("dueDate", "2026-01-05");
    el.insert(0, [new Y.XmlText("Send the updated timetable")]);
    editor.doc.getXmlFragment("default").push([el]);

    // Nobody opens a page: the job finds it and Mark's open socket hears about it.
    const told = await waitFor(() => received.find((n) => n.link?.endsWith(`#action-${id}`)), { timeoutMs: 5000, what: "the overdue notification" });
    expect(told).toMatchObject({ kind: "action-overdue", title: "Overdue: Send the updated timetable" });
    expect(told.body).toContain("was due on Mon 5 Jan 2026.");
    await new Promise((r) => setTimeout(r, 600)); // three more runs of the job
    const stored = (await mark.get<{ notifications: NotificationJson[] }>("/api/notifications?limit=100")).body.notifications.filter((n) => n.link?.endsWith(`#action-${id}`));
    expect(stored).toHaveLength(1);
    expect(received.filter((n) => n.link?.endsWith(`#action-${id}`))).toHaveLength(1);

    // Moving the due date to another past date earns a new reminder; marking it done stops them.
    await priya.patch(`/api/actions/${id}`, { dueDate: "2026-01-12" });
    await waitFor(() => received.filter((n) => n.link?.endsWith(`#action-${id}`)).length === 2, { what: "a reminder for the new date" });
    expect((await mark.post(`/api/notifications/${told.id}/read`, {})).status).toBe(204);
    expect((await priya.post(`/api/notifications/${told.id}/read`, {})).status).toBe(404);
  });

  it("never tells a parent about an action in professionals-only minutes, even one given to her", async () => {
    const { caseId } = await carePlanOf(priya, "Jamie Walker");
    const team = (await priya.get<CaseDetail>(`/api/cases/${caseId}`)).body.team;
    const idOf = (name: string) => team.find((m) => m.name === name)!.personId;
    const meeting = (await priya.post<Meeting>("/api/meetings", { type: "professionals", caseId, startsAt: "2026-01-02T10:00:00Z", inviteeIds: [idOf("Mark Davies")] })).body;
    const minutes = await connectCollab(server.url, meeting.minutesDocumentId!, priya.cookie);
    const forClaire = randomUUID();
    const forMark = randomUUID();
    minutes.doc.transact(() => {
      for (const [id, owner] of [
        [forClaire, "Claire Walker"],
        [forMark, "Mark Davies"],
      ] as const) {
        const el = new Y.XmlElement("actionItem");
        el.setAttribute("id", id);
        el.setAttribute("ownerId", idOf(owner));
        el.setAttribute("dueDate", "2026-01-05");
        el.insert(0, [new Y.XmlText(`Overdue action for ${owner}`)]);
        minutes.doc.getXmlFragment("default").push([el]);
      }
    });
    await waitFor(async () => (await mark.get<{ notifications: NotificationJson[] }>("/api/notifications?limit=100")).body.notifications.some((n) => n.link?.endsWith(`#action-${forMark}`)), {
      timeoutMs: 5000,
      what: "Mark's overdue notification",
    });
    const claire = await signIn(server.url, "claire.walker");
    const hers = (await claire.get<{ notifications: NotificationJson[] }>("/api/notifications?limit=100")).body.notifications;
    expect(hers.some((n) => n.link?.includes(forClaire) || n.title.includes("Overdue action for Claire Walker"))).toBe(false);
    minutes.destroy();
  });
});
