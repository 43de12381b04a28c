import { describe, expect, it } from "vitest";
import { createDocumentBodySchema, loginBodySchema } from "./api.js";
import { newCommentBodySchema } from "./comments/comment.js";
import { recordConsentBodySchema, withdrawConsentBodySchema } from "./consent.js";
import { acceptAsExistingAccountBodySchema, acceptAsNewAccountBodySchema, createInvitationBodySchema } from "./invitations.js";
import { contributionBodySchema, createMeetingBodySchema } from "./meetings/meeting.js";
import { linkYoungPersonBodySchema } from "./team.js";
import { textField, unstorableTextMessage } from "./text.js";

const caseId = "5b0c6c1e-8f8a-4c57-9a51-1b2f7f3c9d10";

describe("textField", () => {
  it("refuses NUL and a lone surrogate, which Postgres cannot store as sent", () => {
    for (const bad of ["a\u0000b", "\u0000", "broken \ud83d here", "\udc00"]) {
      expect(textField().safeParse(bad).error?.issues.map((i) => i.message)).toEqual([unstorableTextMessage]);
    }
  });

  it("accepts everything a person types: other languages, emoji, tabs and new lines", () => {
    for (const good of ["Jamie's plan", "Zoë — café", "تقرير", "🙂👍🏽", "line one\nline two\tindented", ""]) {
      expect(textField().safeParse(good).success).toBe(true);
    }
  });
});

describe("every text field of every request refuses what Postgres cannot store", () => {
  const nul = "before\u0000after";
  const cases: [string, { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, Record<string, unknown>][] = [
    ["comment body", newCommentBodySchema, { body: nul }],
    ["comment quote", newCommentBodySchema, { body: "ok", quote: nul }],
    ["comment anchor type name", newCommentBodySchema, { body: "ok", anchor: { from: { tname: nul }, to: { tname: "default" } } }],
    ["document title", createDocumentBodySchema, { kind: "care-plan", title: nul }],
    ["meeting title", createMeetingBodySchema, { type: "review", caseId, startsAt: "2026-12-03T10:00:00Z", title: nul }],
    ["meeting place", createMeetingBodySchema, { type: "review", caseId, startsAt: "2026-12-03T10:00:00Z", location: nul }],
    ["meeting link", createMeetingBodySchema, { type: "review", caseId, startsAt: "2026-12-03T10:00:00Z", onlineLink: `https://meet.example.org/${nul}` }],
    ["written contribution", contributionBodySchema, { text: nul }],
    ["consent given by", recordConsentBodySchema, { kind: "keyworker", decision: "given", givenBy: nul }],
    ["consent note", recordConsentBodySchema, { kind: "keyworker", decision: "given", givenBy: "Claire Walker (mum)", note: nul }],
    ["withdrawal note", withdrawConsentBodySchema, { note: nul }],
    ["invitation name", createInvitationBodySchema, { email: "new@example.org", role: "family", name: nul }],
    ["new account name", acceptAsNewAccountBodySchema, { name: nul, password: "a long enough password" }],
    ["new account password", acceptAsNewAccountBodySchema, { name: "Sam", password: `a long enough ${nul}` }],
    ["existing account password", acceptAsExistingAccountBodySchema, { password: nul }],
    ["sign-in email", loginBodySchema, { email: `priya${nul}@example.org`, password: "x" }],
    ["sign-in password", loginBodySchema, { email: "priya@example.org", password: nul }],
    ["how the young person agreed", linkYoungPersonBodySchema, { personId: caseId, agreement: nul }],
  ];
  it.each(cases)("%s", (_what, schema, body) => {
    const result = schema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(unstorableTextMessage);
  });
});

describe("a meeting's online link", () => {
  const meeting = { type: "review", caseId, startsAt: "2026-12-03T10:00:00Z" };
  it("accepts http and https only", () => {
    for (const link of ["javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "file:///etc/passwd", "ftp://files.example.org/"]) {
      const result = createMeetingBodySchema.safeParse({ ...meeting, onlineLink: link });
      expect([link, result.error?.issues[0]?.message]).toEqual([link, "Enter the online link as a web address, starting https://"]);
    }
    for (const link of ["https://meet.example.org/a\r\nX-INJECTED:1", "https://meet.example.org/a b"]) {
      const result = createMeetingBodySchema.safeParse({ ...meeting, onlineLink: link });
      expect([link, result.error?.issues[0]?.message]).toEqual([link, "A web address has no spaces or line breaks in it"]);
    }
    for (const link of ["https://meet.example.org/keyworking", "http://meet.example.org/room?id=1", " https://teams.example/meet/1 "]) {
      expect([link, createMeetingBodySchema.safeParse({ ...meeting, onlineLink: link }).success]).toEqual([link, true]);
    }
  });
});
