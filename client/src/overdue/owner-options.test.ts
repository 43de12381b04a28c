import { describe, expect, it } from "vitest";
import { ownerOptions } from "./owner-options";

const sam = { ownerId: "p-sam", ownerName: "Sam Patel", ownerAgencyId: null, ownerAgencyName: null };
const amy = { ownerId: "p-amy", ownerName: "Amy Jones", ownerAgencyId: null, ownerAgencyName: null };
const camhs = { ownerId: null, ownerName: null, ownerAgencyId: "a-camhs", ownerAgencyName: "CAMHS" };
const nobody = { ownerId: null, ownerName: null, ownerAgencyId: null, ownerAgencyName: null };

describe("ownerOptions", () => {
  it("lists each owner once, by name, with agencies that have no one named", () => {
    expect(ownerOptions([sam, camhs, amy, sam, camhs])).toEqual([
      { value: "person:p-amy", label: "Amy Jones" },
      { value: "agency:a-camhs", label: "CAMHS (no one named)" },
      { value: "person:p-sam", label: "Sam Patel" },
    ]);
  });

  it("puts 'No owner' first when an action has nobody", () => {
    expect(ownerOptions([sam, nobody])).toEqual([
      { value: "none", label: "No owner (needs an owner)" },
      { value: "person:p-sam", label: "Sam Patel" },
    ]);
  });

  it("has no choices when there are no overdue actions", () => {
    expect(ownerOptions([])).toEqual([]);
  });
});
