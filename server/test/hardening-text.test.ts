/**
 * Text the database cannot store is refused at the edge with a 400 a person can act on, not a
 * 500 whose log line carries the text; a meeting's online link is a web address or nothing.
 */
import { unstorableTextMessage } from "@roundtable/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { carePlanOf, signIn, type SignedIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";

type Refusal = { error: string; details?: Record<string, string> };

const server = useTestServer();
let priya: SignedIn;
let caseId: string;
let documentId: string;

beforeAll(async () => {
  priya = await signIn(server.url, "priya.shah");
  ({ caseId, documentId } = await carePlanOf(priya, "Jamie Walker"));
});

describe("text Postgres cannot store", () => {
  it("refuses a NUL in a comment with a plain-English 400, and saves nothing", async () => {
    const res = await priya.post<Refusal>(`/api/documents/${documentId}/comments`, { body: "Respite dates\u0000 agreed" });
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual({ body: unstorableTextMessage });
    expect((await priya.get<unknown[]>(`/api/documents/${documentId}/comments`)).body).toEqual([]);
  });

  it("refuses a NUL in a document's or a meeting's title", async () => {
    const doc = await priya.post<Refusal>(`/api/cases/${caseId}/documents`, { kind: "care-plan", title: "Plan\u0000" });
    expect([doc.status, doc.body.details]).toEqual([400, { title: unstorableTextMessage }]);
    const meeting = await priya.post<Refusal>("/api/meetings", { type: "review", caseId, startsAt: "2026-12-03T10:00:00Z", title: "Review\u0000" });
    expect([meeting.status, meeting.body.details]).toEqual([400, { title: unstorableTextMessage }]);
  });
});

describe("a meeting's online link", () => {
  it("refuses javascript: and anything else that is not http(s)", async () => {
    for (const onlineLink of ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>"]) {
      const res = await priya.post<Refusal>("/api/meetings", { type: "review", caseId, startsAt: "2026-12-03T10:00:00Z", onlineLink });
      expect([onlineLink, res.status, res.body.details]).toEqual([onlineLink, 400, { onlineLink: "Enter the online link as a web address, starting https://" }]);
    }
  });

  it("books a meeting with an https link", async () => {
    const res = await priya.post<{ onlineLink: string }>("/api/meetings", { type: "review", caseId, startsAt: "2026-12-03T10:00:00Z", onlineLink: "https://meet.example.org/keyworking" });
    expect([res.status, res.body.onlineLink]).toEqual([201, "https://meet.example.org/keyworking"]);
  });
});
