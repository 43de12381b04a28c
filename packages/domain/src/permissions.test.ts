import { describe, expect, it } from "vitest";
import {
  documentAccess,
  documentAccessRules,
  inviteeRefusal,
  inviteeSees,
  meetingCaseAccess,
  meetingPartsAccess,
  mayChangeAction,
  mayEscalateAction,
  seesEscalations,
  mayLinkYoungPerson,
  mayUnlinkYoungPerson,
  meetingAccess,
  teamRoleThatCounts,
  type DocumentAccessQuestion,
} from "./permissions.js";
import { isFamilyRole, roles, type Role } from "./roles.js";

const plan: Pick<DocumentAccessQuestion, "kind" | "sharingConsented"> = { kind: "care-plan", sharingConsented: true };

describe("document access rules", () => {
  it("never lets a family account near a professionals-only document", () => {
    for (const role of roles.filter(isFamilyRole)) {
      expect(documentAccess({ ...plan, caseRole: role, accountRole: role, visibility: "professionals", isOwnKeyworker: false })).toBe("none");
    }
  });

  it("keeps a young person's own document from their parents", () => {
    expect(documentAccess({ ...plan, caseRole: "parent", accountRole: "parent", visibility: "young-person", isOwnKeyworker: false })).toBe("none");
    expect(documentAccess({ ...plan, caseRole: "young-person", accountRole: "young-person", visibility: "young-person", isOwnKeyworker: false })).toBe("edit");
  });

  it("counts a young-person team role only for the child's own linked account", () => {
    const facts = (isTheLinkedYoungPerson: boolean) => ({ isTheLinkedYoungPerson, parentsMayOpen: true });
    expect(teamRoleThatCounts("young-person", facts(true))).toBe("young-person");
    expect(teamRoleThatCounts("young-person", facts(false))).toBeNull();
    expect(teamRoleThatCounts("parent", facts(false))).toBe("parent");
    const unlinked = teamRoleThatCounts("young-person", facts(false));
    for (const visibility of ["family", "professionals", "young-person"] as const) {
      expect(documentAccess({ ...plan, caseRole: unlinked, accountRole: "young-person", visibility, isOwnKeyworker: false })).toBe("none");
    }
  });

  it("lets only the child's own keyworker link their account, and the service lead too undo it", () => {
    expect(mayLinkYoungPerson({ isOwnKeyworker: true })).toBe(true);
    expect(mayLinkYoungPerson({ isOwnKeyworker: false })).toBe(false);
    expect(mayUnlinkYoungPerson({ isOwnKeyworker: false, accountRole: "service-lead" })).toBe(true);
    expect(mayUnlinkYoungPerson({ isOwnKeyworker: false, accountRole: "senior-keyworker" })).toBe(false);
  });

  it("opens a young-person document only to their own keyworker", () => {
    const q = { ...plan, caseRole: "keyworker", accountRole: "keyworker", visibility: "young-person" } as const;
    expect(documentAccess({ ...q, isOwnKeyworker: true })).toBe("edit");
    expect(documentAccess({ ...q, isOwnKeyworker: false })).toBe("none");
  });

  it("gives nothing to someone who is not on the team, unless they lead the service", () => {
    expect(documentAccess({ ...plan, caseRole: null, accountRole: "professional", visibility: "family", isOwnKeyworker: false })).toBe("none");
    expect(documentAccess({ ...plan, caseRole: null, accountRole: "service-lead", visibility: "family", isOwnKeyworker: false })).toBe("read");
  });

  it("lets parents comment on the care plan and write their own part of it", () => {
    const parent = { ...plan, caseRole: "parent", accountRole: "parent", visibility: "family", isOwnKeyworker: false } as const;
    expect(documentAccess(parent)).toBe("comment");
    expect(documentAccess({ ...parent, kind: "family-views" })).toBe("edit");
    expect(documentAccess({ ...parent, caseRole: "young-person", accountRole: "young-person", kind: "family-views" })).toBe("comment");
  });

  it("counts a parent on the team only while the young person's decision lets their parents in", () => {
    expect(teamRoleThatCounts("parent", { isTheLinkedYoungPerson: false, parentsMayOpen: false })).toBeNull();
    expect(teamRoleThatCounts("young-person", { isTheLinkedYoungPerson: true, parentsMayOpen: false })).toBe("young-person");
    expect(teamRoleThatCounts("keyworker", { isTheLinkedYoungPerson: false, parentsMayOpen: false })).toBe("keyworker");
  });

  it("lets only their writers and the child's own keyworker edit the family's and the young person's parts; others comment or read", () => {
    const on = (kind: "family-views" | "young-person-views", role: Role, isOwnKeyworker = false) =>
      documentAccess({ ...plan, kind, caseRole: role, accountRole: role, visibility: "family", isOwnKeyworker, whole: { visibility: "family", kind: "care-plan" } });
    expect(on("family-views", "parent")).toBe("edit");
    expect(on("family-views", "keyworker", true)).toBe("edit");
    expect(on("family-views", "keyworker")).toBe("comment");
    expect(on("family-views", "senior-keyworker")).toBe("comment");
    expect(on("family-views", "senior-keyworker", true)).toBe("edit");
    expect(on("family-views", "professional")).toBe("comment");
    expect(on("family-views", "young-person")).toBe("comment");
    expect(on("family-views", "icb-lead")).toBe("read");
    expect(on("young-person-views", "young-person")).toBe("edit");
    expect(on("young-person-views", "keyworker", true)).toBe("edit");
    expect(on("young-person-views", "keyworker")).toBe("comment");
    expect(on("young-person-views", "senior-keyworker")).toBe("comment");
    expect(on("young-person-views", "professional")).toBe("comment");
    expect(on("young-person-views", "parent")).toBe("comment");
    expect(on("young-person-views", "icb-lead")).toBe("read");
    // Being named the case's keyworker counts only with a keyworking role on its team.
    expect(on("young-person-views", "professional", true)).toBe("comment");
  });

  it("never opens a part of a document to someone who may not open the whole", () => {
    const part = { ...plan, caseRole: "parent", accountRole: "parent", visibility: "family", kind: "family-views", isOwnKeyworker: false } as const;
    expect(documentAccess({ ...part, whole: { visibility: "family", kind: "care-plan" } })).toBe("edit");
    expect(documentAccess({ ...part, whole: { visibility: "professionals", kind: "care-plan" } })).toBe("none");
    expect(documentAccess({ ...part, caseRole: "keyworker", accountRole: "keyworker", isOwnKeyworker: true, whole: { visibility: "professionals", kind: "care-plan" } })).toBe("edit");
  });

  it("shuts out an agency the family has not agreed to share with, but not the keyworking service", () => {
    const q = { ...plan, visibility: "family", isOwnKeyworker: false, sharingConsented: false } as const;
    expect(documentAccess({ ...q, caseRole: "professional", accountRole: "professional" })).toBe("none");
    expect(documentAccess({ ...q, caseRole: "icb-lead", accountRole: "icb-lead" })).toBe("none");
    expect(documentAccess({ ...q, caseRole: "keyworker", accountRole: "keyworker" })).toBe("edit");
    expect(documentAccess({ ...q, caseRole: null, accountRole: "service-lead" })).toBe("read");
    expect(documentAccess({ ...q, caseRole: "professional", accountRole: "professional", sharingConsented: true })).toBe("edit");
  });

  it("lets an action's owner move its status and date, and only editors hand it on", () => {
    expect(mayChangeAction({ access: "comment", isOwner: true, changesOwner: false })).toBe(true);
    expect(mayChangeAction({ access: "comment", isOwner: true, changesOwner: true })).toBe(false);
    expect(mayChangeAction({ access: "comment", isOwner: false, changesOwner: false })).toBe(false);
    expect(mayChangeAction({ access: "none", isOwner: true, changesOwner: false })).toBe(false);
    expect(mayChangeAction({ access: "edit", isOwner: false, changesOwner: true })).toBe(true);
  });

  it("lets those who chase actions escalate one they may open, and nobody else", () => {
    for (const accountRole of ["keyworker", "senior-keyworker", "service-lead", "icb-lead"] as const) {
      expect(mayEscalateAction({ accountRole, access: "read" })).toBe(true);
      expect(mayEscalateAction({ accountRole, access: "edit" })).toBe(true);
      expect(mayEscalateAction({ accountRole, access: "none" })).toBe(false);
    }
    // The owner's own agency is told; a professional, a family or an administrator does not escalate.
    for (const accountRole of ["professional", "parent", "young-person", "admin"] as const) {
      expect(mayEscalateAction({ accountRole, access: "edit" })).toBe(false);
    }
  });

  it("never shows escalations to a family account", () => {
    for (const role of roles) expect(seesEscalations(role)).toBe(!isFamilyRole(role));
  });

  it("has a rule for every role and visibility", () => {
    for (const role of roles) expect(Object.keys(documentAccessRules[role]).sort()).toEqual(["family", "professionals", "young-person"]);
  });
});

describe("meeting access", () => {
  const base = { accountRole: "professional", visibility: "professionals", isChair: false, isInvitee: false, caseRoles: [], sameService: true, sharingConsented: true } as const;
  it("keeps professionals meetings from every family account, even one wrongly invited", () => {
    for (const role of ["parent", "young-person"] as const) {
      expect(meetingAccess({ ...base, accountRole: role, isInvitee: true, caseRoles: [role] })).toBe("none");
      expect(meetingAccess({ ...base, accountRole: role, isChair: true })).toBe("none");
    }
  });
  it("lets the chair and professional invitees write the minutes, and a parent invited to a review comment", () => {
    expect(meetingAccess({ ...base, caseRoles: ["keyworker"], isChair: true })).toBe("edit");
    expect(meetingAccess({ ...base, caseRoles: ["professional"], isInvitee: true })).toBe("edit");
    expect(meetingAccess({ ...base, accountRole: "service-lead", isChair: true })).toBe("edit");
    expect(meetingAccess({ ...base, accountRole: "parent", visibility: "family", caseRoles: ["parent"], isInvitee: true })).toBe("comment");
  });
  it("takes an invitee or chair out of the meeting once they are off every covered child's team", () => {
    expect(meetingAccess({ ...base, isInvitee: true })).toBe("none");
    expect(meetingAccess({ ...base, accountRole: "keyworker", isChair: true })).toBe("none");
    expect(meetingAccess({ ...base, accountRole: "parent", visibility: "family", isInvitee: true })).toBe("none");
  });
  it("freezes agreed minutes: even the chair only comments", () => {
    expect(meetingAccess({ ...base, caseRoles: ["keyworker"], isChair: true, minutesAgreed: true })).toBe("comment");
    expect(meetingAccess({ ...base, caseRoles: ["professional"], minutesAgreed: true })).toBe("read");
  });
  it("lets the case team read, keyworkers write, and nobody from another service in", () => {
    expect(meetingAccess({ ...base, caseRoles: ["professional"] })).toBe("read");
    expect(meetingAccess({ ...base, caseRoles: ["keyworker"] })).toBe("edit");
    expect(meetingAccess({ ...base })).toBe("none");
    expect(meetingAccess({ ...base, caseRoles: ["keyworker"], isChair: true, sameService: false })).toBe("none");
    expect(meetingAccess({ ...base, caseRoles: ["professional"], isInvitee: true, sharingConsented: false })).toBe("none");
  });
});

describe("who may be invited to a meeting", () => {
  const onTeam = (role: (typeof roles)[number]) => [{ caseRole: role, sharingConsented: true }];
  it("takes anyone on a covered child's team, but never a family member to a professionals-only meeting", () => {
    for (const role of roles) {
      const family = isFamilyRole(role);
      if (role === "admin") continue; // an administrator is never on a team (ADR 0011)
      expect(inviteeRefusal({ visibility: "family", accountRole: role, cases: onTeam(role) })).toBeNull();
      expect(inviteeRefusal({ visibility: "professionals", accountRole: role, cases: onTeam(role) }) === null).toBe(!family);
      const offTeam = inviteeRefusal({ visibility: "family", accountRole: role, cases: [{ caseRole: null, sharingConsented: true }] });
      if (role === "service-lead") expect(offTeam).toBeNull();
      else expect(offTeam).toMatch(/add them to the team first/);
    }
  });

  it("refuses someone whose agency no covered child's family shares with, saying so", () => {
    const jamie = { caseRole: "icb-lead", sharingConsented: false } as const;
    expect(inviteeRefusal({ visibility: "professionals", accountRole: "icb-lead", cases: [jamie] })).toMatch(/has not agreed to share information/);
    expect(inviteeRefusal({ visibility: "professionals", accountRole: "icb-lead", cases: [jamie, { caseRole: null, sharingConsented: true }] })).toMatch(
      /no child this meeting is about has agreed to share/,
    );
  });

  it("takes someone who will open one child's section of a tracker meeting, and says which", () => {
    const cases = [
      { caseRole: "icb-lead", sharingConsented: true },
      { caseRole: null, sharingConsented: false },
    ] as const;
    expect(inviteeRefusal({ visibility: "professionals", accountRole: "icb-lead", cases })).toBeNull();
    expect(inviteeSees({ visibility: "professionals", accountRole: "icb-lead", cases })).toEqual([true, false]);
  });
});

describe("a meeting's sections, one per child", () => {
  const base = { accountRole: "professional", visibility: "professionals", isChair: false, isInvitee: true, sameService: true } as const;
  it("opens one child's section by that child's team and consent alone", () => {
    expect(meetingCaseAccess({ ...base, caseRole: "professional", sharingConsented: true })).toBe("edit");
    expect(meetingCaseAccess({ ...base, caseRole: "professional", sharingConsented: false })).toBe("none");
    expect(meetingCaseAccess({ ...base, caseRole: null, sharingConsented: true })).toBe("none");
  });

  it("opens the meeting with one section, but its general business only with every section", () => {
    const parts = meetingPartsAccess(base, [
      { caseRole: "professional", sharingConsented: true },
      { caseRole: "professional", sharingConsented: false },
    ]);
    expect(parts).toEqual({ cases: ["edit", "none"], meeting: "edit", general: "none" });
    const all = meetingPartsAccess({ ...base, isInvitee: false }, [
      { caseRole: "keyworker", sharingConsented: true },
      { caseRole: "professional", sharingConsented: true },
    ]);
    expect(all).toEqual({ cases: ["edit", "read"], meeting: "edit", general: "read" });
  });

  it("answers a one-child meeting exactly as the whole-meeting rule", () => {
    for (const role of roles) {
      for (const caseRole of [null, role]) {
        for (const sharingConsented of [true, false]) {
          for (const visibility of ["family", "professionals"] as const) {
            const q = { ...base, accountRole: role, visibility };
            expect(meetingCaseAccess({ ...q, caseRole, sharingConsented })).toBe(meetingAccess({ ...q, caseRoles: caseRole ? [caseRole] : [], sharingConsented }));
          }
        }
      }
    }
  });
});
