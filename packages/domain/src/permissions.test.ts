import { describe, expect, it } from "vitest";
import { documentAccess, documentAccessRules, meetingAccess } from "./permissions.js";
import { isFamilyRole, roles } from "./roles.js";

describe("document access rules", () => {
  it("never lets a family account near a professionals-only document", () => {
    for (const role of roles.filter(isFamilyRole)) {
      expect(documentAccess({ caseRole: role, accountRole: role, visibility: "professionals", isOwnKeyworker: false })).toBe("none");
    }
  });

  it("keeps a young person's own document from their parents", () => {
    expect(documentAccess({ caseRole: "parent", accountRole: "parent", visibility: "young-person", isOwnKeyworker: false })).toBe("none");
    expect(documentAccess({ caseRole: "young-person", accountRole: "young-person", visibility: "young-person", isOwnKeyworker: false })).toBe("edit");
  });

  it("opens a young-person document only to their own keyworker", () => {
    const q = { caseRole: "keyworker", accountRole: "keyworker", visibility: "young-person" } as const;
    expect(documentAccess({ ...q, isOwnKeyworker: true })).toBe("edit");
    expect(documentAccess({ ...q, isOwnKeyworker: false })).toBe("none");
  });

  it("gives nothing to someone who is not on the team, unless they lead the service", () => {
    expect(documentAccess({ caseRole: null, accountRole: "professional", visibility: "family", isOwnKeyworker: false })).toBe("none");
    expect(documentAccess({ caseRole: null, accountRole: "service-lead", visibility: "family", isOwnKeyworker: false })).toBe("read");
  });

  it("has a rule for every role and visibility", () => {
    for (const role of roles) expect(Object.keys(documentAccessRules[role]).sort()).toEqual(["family", "professionals", "young-person"]);
  });
});

describe("meeting access", () => {
  const base = { accountRole: "professional", visibility: "professionals", isChair: false, isInvitee: false, caseRoles: [], sameService: true } as const;
  it("keeps professionals meetings from every family account, even one wrongly invited", () => {
    for (const role of ["parent", "young-person"] as const) {
      expect(meetingAccess({ ...base, accountRole: role, isInvitee: true, caseRoles: [role] })).toBe("none");
      expect(meetingAccess({ ...base, accountRole: role, isChair: true })).toBe("none");
    }
  });
  it("lets the chair and professional invitees write the minutes, and a parent invited to a review comment", () => {
    expect(meetingAccess({ ...base, isChair: true })).toBe("edit");
    expect(meetingAccess({ ...base, isInvitee: true })).toBe("edit");
    expect(meetingAccess({ ...base, accountRole: "parent", visibility: "family", isInvitee: true })).toBe("comment");
  });
  it("freezes agreed minutes: even the chair only comments", () => {
    expect(meetingAccess({ ...base, isChair: true, minutesAgreed: true })).toBe("comment");
    expect(meetingAccess({ ...base, caseRoles: ["professional"], minutesAgreed: true })).toBe("read");
  });
  it("lets the case team read, keyworkers write, and nobody from another service in", () => {
    expect(meetingAccess({ ...base, caseRoles: ["professional"] })).toBe("read");
    expect(meetingAccess({ ...base, caseRoles: ["keyworker"] })).toBe("edit");
    expect(meetingAccess({ ...base })).toBe("none");
    expect(meetingAccess({ ...base, isChair: true, sameService: false })).toBe("none");
  });
});
