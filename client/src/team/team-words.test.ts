import { describe, expect, it } from "vitest";
import { removalQuestion, removedMessage, roleChangedMessage, teamChangeNote } from "./team-words";

describe("what the team page says", () => {
  it("asks before removing someone, saying they lose access at once", () => {
    expect(removalQuestion({ name: "Dr Ben Carter" }, "Jamie", false)).toEqual({
      question: "Remove Dr Ben Carter from Jamie's team?",
      effect: "They will lose access straight away, including any record they have open.",
    });
  });

  it("speaks to the person when they are removing themselves", () => {
    expect(removalQuestion({ name: "Priya Shah" }, "Jamie", true).question).toBe("Remove yourself from Jamie's team?");
    expect(removedMessage({ name: "Priya Shah" }, "Jamie", true)).toBe("You have left Jamie's team");
  });

  it("says what a member's role has become", () => {
    expect(roleChangedMessage({ name: "Priya Shah" }, "senior-keyworker", "Jamie")).toBe("Priya Shah is now a senior keyworker on Jamie's team");
    expect(roleChangedMessage({ name: "Tom Hughes" }, "keyworker", "Jamie")).toBe("Tom Hughes is now a keyworker on Jamie's team");
  });
});

describe("who can change the team, said to each reader", () => {
  it("sends the family to their keyworker and a professional to the child's", () => {
    expect(teamChangeNote("parent")).toBe("If someone should join or leave the team, tell your keyworker.");
    expect(teamChangeNote("young-person")).toMatch(/tell your keyworker/);
    expect(teamChangeNote("professional")).toMatch(/ask the child's keyworker/);
    expect(teamChangeNote("other-staff")).toBe("Only keyworkers and the service lead can change who is on the team.");
  });
});
