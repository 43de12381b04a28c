import type { ConsentRecord, Role } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { consentRows } from "./consent-rows";
import { consentStatus, describeConsent, sharingEffect, withdrawalEffect } from "./consent-words";

const camhs = { id: "camhs", name: "Northbridge CAMHS" };
const school = { id: "school", name: "Riverside Academy" };
const social = { id: "social", name: "Northbridge Children's Social Care" };
const keyworking = { id: "keyworking", name: "Northbridge Keyworking Service" };
const agencies = [camhs, keyworking, social, school];

let next = 0;
function record(changes: Partial<ConsentRecord>): ConsentRecord {
  next += 1;
  return {
    id: `c${next}`,
    caseId: "case",
    kind: "register",
    agency: null,
    decision: "given",
    givenBy: "Claire Walker (Jamie's mum)",
    note: null,
    recordedBy: { id: "priya", name: "Priya Shah" },
    recordedAt: "2026-11-03T10:00:00Z",
    withdrawn: null,
    ...changes,
  };
}

describe("the consent that holds now", () => {
  it("always asks the three case-wide questions, in order, even before anything is recorded", () => {
    const rows = consentRows([], [], agencies);
    expect(rows.map((r) => r.kind)).toEqual(["register", "keyworker", "keyworker-works-with-family"]);
    expect(rows.every((r) => r.current === null)).toBe(true);
  });

  it("shows the latest decision for each question", () => {
    const older = record({ kind: "keyworker", decision: "declined", recordedAt: "2026-10-01T10:00:00Z" });
    const newer = record({ kind: "keyworker", decision: "given", recordedAt: "2026-11-03T10:00:00Z" });
    const rows = consentRows([newer, older], [], agencies);
    expect(rows.find((r) => r.kind === "keyworker")?.current?.id).toBe(newer.id);
  });

  it("gives each agency with a sharing decision its own row, by name", () => {
    const rows = consentRows(
      [record({ kind: "share-with-agency", agency: school }), record({ kind: "share-with-agency", agency: camhs, decision: "declined" })],
      [],
      agencies,
    );
    expect(rows.slice(3).map((r) => r.label)).toEqual(["To share information with Northbridge CAMHS", "To share information with Riverside Academy"]);
  });

  it("adds a row for the agency of a professional on the team who has no consent yet", () => {
    const team = [
      { role: "professional" as Role, agency: "Northbridge Children's Social Care" },
      { role: "keyworker" as Role, agency: "Northbridge Keyworking Service" },
      { role: "parent" as Role, agency: null },
    ];
    const rows = consentRows([], team, agencies);
    expect(rows.slice(3).map((r) => [r.agency?.id, r.current])).toEqual([["social", null]]);
  });
});

describe("a consent decision in words", () => {
  it("says who gave it, when, and who recorded it", () => {
    const given = record({ kind: "share-with-agency", agency: camhs });
    expect(consentStatus(given)).toBe("given");
    expect(describeConsent(given)).toBe("Given by Claire Walker (Jamie's mum) on 3 November 2026, recorded by Priya Shah.");
    expect(sharingEffect(given, "Northbridge CAMHS", "Jamie's")).toBe("People from Northbridge CAMHS on the team can open Jamie's records.");
  });

  it("says when it was withdrawn, and that the agency no longer sees the records", () => {
    const withdrawn = record({ kind: "share-with-agency", agency: camhs, withdrawn: { by: { id: "tom", name: "Tom Hughes" }, at: "2026-12-05T15:00:00Z" } });
    expect(consentStatus(withdrawn)).toBe("withdrawn");
    expect(describeConsent(withdrawn)).toBe("Withdrawn on 5 December 2026, recorded by Tom Hughes. It was given by Claire Walker (Jamie's mum) on 3 November 2026.");
    expect(sharingEffect(withdrawn, "Northbridge CAMHS", "Jamie's")).toBe("People from Northbridge CAMHS cannot open Jamie's records.");
  });

  it("tells apart a decline and nothing recorded", () => {
    expect(consentStatus(record({ decision: "declined" }))).toBe("declined");
    expect(consentStatus(null)).toBe("not-recorded");
  });

  it("warns that withdrawing sharing consent ends the agency's access at once", () => {
    expect(withdrawalEffect({ kind: "share-with-agency", agency: camhs }, "Jamie's")).toBe("People from Northbridge CAMHS will lose access to Jamie's records straight away.");
    expect(withdrawalEffect({ kind: "register", agency: null }, "Jamie's")).toContain("does not change who can open");
  });
});
