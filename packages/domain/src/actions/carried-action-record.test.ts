import { describe, expect, it } from "vitest";
import { textOf, type DocNode } from "./action-projection.js";
import { withCarriedActionRecords, type CarriedActionRecord } from "./carried-action-record.js";

const record: CarriedActionRecord = {
  actionId: "a-1",
  text: "Ask CAMHS for an appointment date",
  status: "blocked",
  dueDate: "2027-01-20",
  ownerId: "p-1",
  ownerAgencyId: "g-1",
  blockedReason: "Waiting for the referral",
  agreedAt: "Tracker meeting, Tue 5 Jan 2027",
  decision: "updated",
};
const childsPart: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2, caseId: "c-1" }, content: [{ type: "text", text: "Jamie Walker" }] },
    { type: "paragraph", content: [{ type: "text", text: "Notes" }] },
  ],
};

describe("the carried actions as the minutes' record words them", () => {
  it("puts them after the child's heading: the action as it stood, then where it was agreed and what this meeting decided", () => {
    const nodes = withCarriedActionRecords(childsPart, [record, { ...record, actionId: "a-2", text: "Write to the GP", status: "open", decision: null }]).content!;
    expect(nodes.map(textOf)).toEqual([
      "Jamie Walker",
      "Actions from the last meeting",
      "Ask CAMHS for an appointment date",
      "Agreed at Tracker meeting, Tue 5 Jan 2027. This meeting: Updated. Held up by: Waiting for the referral.",
      "Write to the GP",
      "Agreed at Tracker meeting, Tue 5 Jan 2027. Not reviewed at this meeting.",
      "Notes",
    ]);
    // Owned by a person, so not also by an agency.
    expect(nodes[2]!.attrs).toEqual({ id: "a-1", status: "blocked", dueDate: "2027-01-20", ownerId: "p-1", ownerAgencyId: null, blockedReason: "Waiting for the referral" });
  });

  it("leaves a part nothing was carried into as it is", () => {
    expect(withCarriedActionRecords(childsPart, [])).toBe(childsPart);
  });
});
