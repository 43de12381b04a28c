import type { CaseDetail, DocumentComment, Meeting } from "@roundtable/domain";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { connectCollab, type CollabClient } from "./support/collab-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const server = useTestServer();
let priya: SignedIn;
let mark: SignedIn;
let jamie: CaseDetail;
let documentId: string;
const clients: CollabClient[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  mark = await signIn(server.url, "mark.davies");
  const plan = await carePlanOf(priya, "Jamie Walker");
  documentId = plan.documentId;
  jamie = (await priya.get<CaseDetail>(`/api/cases/${plan.caseId}`)).body;
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of sockets) s.close();
});

/** The first paragraph's text in the care plan, as any y-websocket client sees it. */
function firstParagraphText(doc: Y.Doc): Y.XmlText {
  for (const node of doc.getXmlFragment("default").createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === "paragraph")) {
    const text = (node as Y.XmlElement).get(0);
    if (text instanceof Y.XmlText && text.length > 10) return text;
  }
  throw new Error("The care plan has no paragraph with text");
}

describe("comments on a document", () => {
  it("anchors a comment to a passage that stays put while the text around it changes", async () => {
    const editor = await connectCollab(server.url, documentId, priya.cookie);
    clients.push(editor);
    const text = firstParagraphText(editor.doc);
    const quote = text.toString().slice(0, 10);
    const anchor = {
      from: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 0)),
      to: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 10)),
    };
    const made = await mark.post<DocumentComment>(`/api/documents/${documentId}/comments`, { body: "Is this still true since September?", anchor, quote });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ author: { name: "Mark Davies" }, quote, resolved: null, replies: [], canResolve: true });

    editor.doc.transact(() => text.insert(0, "Update: "));
    const [stored] = (await priya.get<DocumentComment[]>(`/api/documents/${documentId}/comments`)).body;
    const from = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(stored!.anchor!.from), editor.doc)!;
    const to = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(stored!.anchor!.to), editor.doc)!;
    expect(text.toString().slice(from.index, to.index)).toBe(quote);
  });

  it("threads replies, and lets the team resolve and reopen a conversation, live", async () => {
    const socket = io(server.url, { extraHeaders: { cookie: priya.cookie }, transports: ["websocket"] });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const joined = await socket.emitWithAck("presence:join", { room: `document:${documentId}` });
    expect(joined).toMatchObject({ ok: true });
    let heard = 0;
    socket.on("comments:changed", (e: { documentId: string }) => {
      if (e.documentId === documentId) heard++;
    });

    const { body: comment } = await priya.post<DocumentComment>(`/api/documents/${documentId}/comments`, { body: "Can we add the new respite dates?" });
    expect(comment.anchor).toBeNull();
    const reply = await mark.post<DocumentComment>(`/api/documents/${documentId}/comments`, { body: "Added under Who does what.", replyTo: comment.id });
    expect(reply.status).toBe(201);
    expect(reply.body.replies).toMatchObject([{ author: { name: "Mark Davies" }, body: "Added under Who does what." }]);

    const resolved = await mark.patch<DocumentComment>(`/api/comments/${comment.id}`, { resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolved).toMatchObject({ by: { name: "Mark Davies" } });
    const reopened = await priya.patch<DocumentComment>(`/api/comments/${comment.id}`, { resolved: false });
    expect(reopened.body.resolved).toBeNull();
    await waitFor(() => heard >= 3);
  });

  it("lets people who only read see comments but not add them, and hides them from people off the case", async () => {
    const angela = await signIn(server.url, "angela.okafor"); // service lead: reads the service's plans
    expect((await angela.get<DocumentComment[]>(`/api/documents/${documentId}/comments`)).status).toBe(200);
    const refused = await angela.post<{ error: string }>(`/api/documents/${documentId}/comments`, { body: "Noted." });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/not comment/);
    const daniel = await signIn(server.url, "daniel.reid"); // a parent on another case
    expect((await daniel.get(`/api/documents/${documentId}/comments`)).status).toBe(404);
    expect((await daniel.post(`/api/documents/${documentId}/comments`, { body: "Hello" })).status).toBe(404);
  });

  it("lets someone who only comments resolve their own comment, not other people's", async () => {
    const idOf = (name: string) => jamie.team.find((m) => m.name === name)!.personId;
    const { body: meeting } = await priya.post<Meeting>("/api/meetings", {
      type: "review",
      startsAt: "2026-12-10T14:00:00Z",
      caseId: jamie.id,
      inviteeIds: [idOf("Claire Walker")],
    });
    const minutes = meeting.minutesDocumentId;
    const claire = await signIn(server.url, "claire.walker"); // a family invitee comments on the minutes
    const { body: hers } = await claire.post<DocumentComment>(`/api/documents/${minutes}/comments`, { body: "Jamie's gran should be invited too." });
    const { body: priyas } = await priya.post<DocumentComment>(`/api/documents/${minutes}/comments`, { body: "Agenda to follow." });
    expect(hers.canResolve).toBe(true);
    expect((await claire.get<DocumentComment[]>(`/api/documents/${minutes}/comments`)).body.find((c) => c.id === priyas.id)?.canResolve).toBe(false);
    expect((await claire.patch(`/api/comments/${priyas.id}`, { resolved: true })).status).toBe(403);
    expect((await claire.patch(`/api/comments/${hers.id}`, { resolved: true })).status).toBe(200);
  });

  it("refuses bad comments with clear reasons and changes nothing", async () => {
    const before = (await priya.get<DocumentComment[]>(`/api/documents/${documentId}/comments`)).body.length;
    const empty = await priya.post<{ details: Record<string, string> }>(`/api/documents/${documentId}/comments`, { body: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.details.body).toBe("Write your comment");
    expect((await priya.post(`/api/documents/${documentId}/comments`, { body: "x", anchor: { from: "start", to: 3 } })).status).toBe(400);
    expect((await priya.post(`/api/documents/${documentId}/comments`, { body: "x".repeat(5001) })).status).toBe(400);
    const { body: thread } = await priya.post<DocumentComment>(`/api/documents/${documentId}/comments`, { body: "Thread" });
    const { body: withReply } = await priya.post<DocumentComment>(`/api/documents/${documentId}/comments`, { body: "A reply", replyTo: thread.id });
    const replyToReply = await priya.post<{ error: string }>(`/api/documents/${documentId}/comments`, { body: "Nested", replyTo: withReply.replies[0]!.id });
    expect(replyToReply.status).toBe(400);
    expect((await priya.patch(`/api/comments/${thread.id}`, { resolved: "yes" })).status).toBe(400);
    expect((await priya.patch("/api/comments/not-an-id", { resolved: true })).status).toBe(400);
    expect((await priya.get<DocumentComment[]>(`/api/documents/${documentId}/comments`)).body.length).toBe(before + 1);
  });
});
