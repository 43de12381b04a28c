import type { TeamMember } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { mergeTeams } from "./merge-teams";

const member = (personId: string, name: string): TeamMember => ({ personId, name, role: "professional", jobTitle: null, agency: null, sharingConsented: true, contact: null });

describe("mergeTeams", () => {
  it("lists someone on two of the cases once, in the order the cases come", () => {
    const jamie = { team: [member("priya", "Priya Shah"), member("mark", "Mark Davies")], agencies: [{ id: "school", name: "Riverside Academy" }] };
    const aisha = {
      team: [member("mark", "Mark Davies"), member("sophie", "Sophie Grant")],
      agencies: [
        { id: "school", name: "Riverside Academy" },
        { id: "voluntary", name: "Parents Together" },
      ],
    };
    const merged = mergeTeams([jamie, aisha]);
    expect(merged.team.map((m) => m.personId)).toEqual(["priya", "mark", "sophie"]);
    expect(merged.agencies.map((a) => a.id)).toEqual(["school", "voluntary"]);
  });

  it("is empty for no cases", () => {
    expect(mergeTeams([])).toEqual({ team: [], agencies: [] });
  });
});
