import type { TeamMember } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { mergeTeams, teamThatCounts } from "./merge-teams";

const member = (personId: string, name: string, role: TeamMember["role"] = "professional"): TeamMember => ({ personId, name, role, jobTitle: null, agency: null, sharingConsented: true, contact: null });

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

describe("teamThatCounts: who an action on the case may be given to", () => {
  const team = [member("priya", "Priya Shah", "keyworker"), member("donna", "Donna Thompson", "parent"), member("kai", "Kai Thompson", "young-person")];
  const sharing = (parentsMayOpen: boolean) => ({ age: 18, decides: true, decision: parentsMayOpen ? ("given" as const) : ("declined" as const), decidedAt: "2026-11-01T10:00:00Z", parentsMayOpen });

  it("leaves out a parent the young person's decision keeps out, and keeps them once it lets them in", () => {
    const kai = { team, youngPerson: { personId: "kai", name: "Kai Thompson" }, parentsSharing: sharing(false) };
    expect(teamThatCounts(kai).map((m) => m.personId)).toEqual(["priya", "kai"]);
    expect(teamThatCounts({ ...kai, parentsSharing: sharing(true) }).map((m) => m.personId)).toEqual(["priya", "donna", "kai"]);
  });

  it("keeps parents when the decision is not told (null), and leaves out a young person's account not linked to the case", () => {
    expect(teamThatCounts({ team, youngPerson: null, parentsSharing: null }).map((m) => m.personId)).toEqual(["priya", "donna"]);
  });
});
