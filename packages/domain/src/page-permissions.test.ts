import { describe, expect, it } from "vitest";
import {
  mayBookMeetings,
  seesRiskRating,
  mayManageCase,
  mayReadAccessReport,
  mayReadAuditTrail,
  mayUseOverdue,
  mayNameEscalationContacts,
  mayChooseRelationshipLabels,
  mayUseRegister,
  mayUseReferPage,
  mayUseTriageQueue,
  mayReadServiceReport,
  mayUseTwoStep,
  overdueScope,
} from "./page-permissions.js";
import { readerRelation } from "./reader.js";
import { isFamilyRole, roles } from "./roles.js";

describe("who may use each page", () => {
  it("gives the overdue page to those who chase actions, each for their own span", () => {
    expect(overdueScope("senior-keyworker")).toBe("service");
    expect(overdueScope("service-lead")).toBe("service");
    expect(overdueScope("keyworker")).toBe("own-caseload");
    expect(overdueScope("icb-lead")).toBe("own-cases");
    for (const role of ["parent", "young-person", "professional", "admin"] as const) {
      expect(overdueScope(role)).toBeNull();
      expect(mayUseOverdue(role)).toBe(false);
    }
  });

  it("gives the register to the senior keyworkers and the service lead who hold it, and to nobody else", () => {
    expect(roles.filter(mayUseRegister)).toEqual(["senior-keyworker", "service-lead"]);
    for (const role of ["keyworker", "professional", "icb-lead", "parent", "young-person", "admin"] as const) expect(mayUseRegister(role)).toBe(false);
  });

  it("never offers a family account the overdue page, booking or two-step sign-in", () => {
    for (const role of roles.filter(isFamilyRole)) {
      expect(mayUseOverdue(role)).toBe(false);
      expect(mayBookMeetings(role)).toBe(false);
      expect(mayUseTwoStep(role)).toBe(false);
    }
    expect(mayUseTwoStep("professional")).toBe(true);
  });

  it("lets a professional from another agency book no meetings and run no case", () => {
    expect(mayBookMeetings("professional")).toBe(false);
    expect(mayBookMeetings("keyworker")).toBe(true);
    expect(mayManageCase("professional")).toBe(false);
    expect(mayManageCase("keyworker")).toBe(true);
    expect(mayManageCase(null)).toBe(false);
  });

  it("gives the audit trail to those who oversee a case, and the access report to the family", () => {
    expect(mayReadAuditTrail("senior-keyworker")).toBe(true);
    expect(mayReadAuditTrail("keyworker")).toBe(false);
    expect(mayReadAuditTrail(null)).toBe(false);
    expect(mayReadAccessReport("parent")).toBe(true);
    expect(mayReadAccessReport("young-person")).toBe(true);
    expect(mayReadAccessReport("keyworker")).toBe(false);
  });
});

describe("the referral pages", () => {
  it("offers 'Refer a child' to professionals and keyworking staff, and the triage queue to those who triage", () => {
    expect(roles.filter(mayUseReferPage)).toEqual(["keyworker", "senior-keyworker", "service-lead", "professional", "icb-lead"]);
    expect(roles.filter(mayUseTriageQueue)).toEqual(["senior-keyworker", "service-lead"]);
    for (const role of roles.filter(isFamilyRole)) {
      expect(mayUseReferPage(role)).toBe(false);
      expect(mayUseTriageQueue(role)).toBe(false);
    }
  });
});

describe("who is reading", () => {
  it("names each kind of reader", () => {
    expect(readerRelation({ accountRole: "parent", isOwnKeyworker: false })).toBe("parent");
    expect(readerRelation({ accountRole: "young-person", isOwnKeyworker: false })).toBe("young-person");
    expect(readerRelation({ accountRole: "professional", isOwnKeyworker: false })).toBe("professional");
    expect(readerRelation({ accountRole: "icb-lead", isOwnKeyworker: false })).toBe("professional");
    expect(readerRelation({ accountRole: "keyworker", isOwnKeyworker: true })).toBe("own-keyworker");
    expect(readerRelation({ accountRole: "senior-keyworker", isOwnKeyworker: true })).toBe("own-keyworker");
    expect(readerRelation({ accountRole: "keyworker", isOwnKeyworker: false })).toBe("other-staff");
    expect(readerRelation({ accountRole: "service-lead", isOwnKeyworker: false })).toBe("other-staff");
  });
});

describe("the RAG rating", () => {
  it("is for professionals: never sent to the family or the young person", () => {
    expect(seesRiskRating("parent")).toBe(false);
    expect(seesRiskRating("young-person")).toBe(false);
    for (const role of ["keyworker", "senior-keyworker", "service-lead", "professional", "icb-lead"] as const) expect(seesRiskRating(role)).toBe(true);
  });
});

describe("naming agencies' escalation contacts", () => {
  it("is for the service lead only", () => {
    for (const role of roles) expect(mayNameEscalationContacts(role)).toBe(role === "service-lead");
  });
});

describe("the service report", () => {
  it("is the service lead's, who reports to the board: not the senior keyworkers', who see only their teams' children", () => {
    expect(roles.filter(mayReadServiceReport)).toEqual(["service-lead"]);
  });
});

describe("choosing the service's own relationships for network maps", () => {
  it("is for the service lead only", () => {
    for (const role of roles) expect(mayChooseRelationshipLabels(role)).toBe(role === "service-lead");
  });
});
