import type { CetrActionView } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { groupCetrActions, sectionsOf } from "./group-cetr-actions";

let n = 0;
function action(over: Partial<CetrActionView>): CetrActionView {
  n++;
  return {
    id: `a${n}`,
    caseId: "jamie",
    documentId: "doc",
    meetingId: null,
    text: `Action ${n}`,
    ownerId: null,
    ownerAgencyId: null,
    dueDate: null,
    status: "open",
    blockedReason: null,
    overdue: false,
    updatedAt: "2026-03-01T10:00:00Z",
    caseName: "Jamie Walker",
    documentTitle: "CETR: Jamie Walker",
    ownerName: null,
    ownerAgencyName: null,
    section: null,
    lastEscalation: null,
    removedAt: null,
    mayUpdate: false,
    agencyId: null,
    agencyName: null,
    cetrId: "cetr-1",
    cetrHeldOn: "2026-02-03",
    cetrStatus: "agreed",
    escalations: 0,
    ...over,
  };
}

describe("the page's sections", () => {
  it("puts overdue first, then due today to two weeks ahead, then the rest", () => {
    const today = "2026-03-04";
    const late = action({ dueDate: "2026-03-01", overdue: true });
    const todayDue = action({ dueDate: "2026-03-04" });
    const edge = action({ dueDate: "2026-03-18" });
    const after = action({ dueDate: "2026-03-19" });
    const none = action({ dueDate: null });
    expect(sectionsOf([late, todayDue, edge, after, none], today, 14)).toEqual({ overdue: [late], dueSoon: [todayDue, edge], later: [after, none] });
  });
});

describe("grouping", () => {
  const ben = action({ ownerId: "ben", ownerName: "Dr Ben Carter", agencyId: "camhs", agencyName: "Northbridge CAMHS" });
  const housing = action({ ownerAgencyId: "sc", agencyId: "sc", agencyName: "Social Care" });
  const nobody = action({});
  const ben2 = action({ ownerId: "ben", ownerName: "Dr Ben Carter", agencyId: "camhs", agencyName: "Northbridge CAMHS", caseId: "aisha", caseName: "Aisha Reid", cetrId: "cetr-2", cetrHeldOn: null, cetrStatus: "requested" });

  it("keeps one list when not grouping", () => {
    expect(groupCetrActions([ben, housing], "none")).toEqual([{ key: "all", heading: "", actions: [ben, housing] }]);
  });

  it("groups by owner, naming an agency with no one named and actions with no owner, biggest group first", () => {
    expect(groupCetrActions([ben, housing, nobody, ben2], "owner").map((g) => [g.heading, g.actions.length])).toEqual([
      ["Dr Ben Carter", 2],
      ["No owner", 1],
      ["Social Care (no one named yet)", 1],
    ]);
  });

  it("groups by agency, child and CETR", () => {
    expect(groupCetrActions([ben, housing, nobody], "agency").map((g) => g.heading)).toEqual(["No agency", "Northbridge CAMHS", "Social Care"]);
    expect(groupCetrActions([ben, ben2], "child").map((g) => g.heading)).toEqual(["Aisha Reid", "Jamie Walker"]);
    expect(groupCetrActions([ben, ben2], "cetr").map((g) => g.heading)).toEqual([
      "Aisha Reid: CETR: Requested — waiting for the ICB to arrange it",
      "Jamie Walker: CETR held Tue 3 Feb 2026",
    ]);
  });
});
