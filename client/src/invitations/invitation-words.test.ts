import type { InvitationDescription } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { invitationWords } from "./invitation-words";

const toTeam: InvitationDescription = {
  caseFirstName: "Jamie",
  role: "parent",
  panelPlace: null,
  agency: null,
  invitedBy: "Priya Shah",
  email: "sam@example.org",
  name: null,
  expiresAt: "2027-01-14T12:00:00Z",
  accountExists: false,
};

describe("what the invitation page says", () => {
  it("invites to the child's team as a role", () => {
    const words = invitationWords(toTeam);
    expect(words.heading).toBe("Join Jamie's team on Roundtable");
    expect(words.lede).toBe("Priya Shah has invited you to join the team supporting Jamie, as a parent or carer.");
    expect(words.as).toEqual({ key: "Your role", value: "Parent or carer" });
  });

  it("invites to a place on the CETR panel, with the place, and says it is not the team and when it ends", () => {
    const words = invitationWords({ ...toTeam, role: "professional", panelPlace: "clinical-expert", invitedBy: "Helen Morris" });
    expect(words.heading).toBe("A place on the CETR panel for Jamie");
    expect(words.lede).toBe("Helen Morris has invited you to a place on the panel of Jamie's Care, Education and Treatment Review (CETR), as clinical expert.");
    expect(words.about).toContain("it is not a place on Jamie's team, and it ends when the report is agreed");
    expect(words.as).toEqual({ key: "Your place on the panel", value: "Clinical expert" });
    expect(`${words.heading} ${words.lede} ${words.about} ${words.acceptButton.fresh}`).not.toMatch(/join the team/i);
  });
});
