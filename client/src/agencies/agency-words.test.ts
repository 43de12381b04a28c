import { describe, expect, it } from "vitest";
import { contactSentence, savedSentence } from "./agency-words";

const ben = { id: "p-ben", name: "Dr Ben Carter", jobTitle: "Clinical psychologist, CAMHS" };

describe("agency words", () => {
  it("says who is told, or that nobody is named and what that means", () => {
    expect(contactSentence({ escalationContact: ben })).toBe("Told when its actions are escalated: Dr Ben Carter (Clinical psychologist, CAMHS).");
    expect(contactSentence({ escalationContact: { ...ben, jobTitle: null } })).toBe("Told when its actions are escalated: Dr Ben Carter.");
    expect(contactSentence({ escalationContact: null })).toBe("Nobody is named yet: when one of its actions is escalated, only the owner is told.");
  });

  it("says what was saved", () => {
    expect(savedSentence({ name: "Northbridge CAMHS", escalationContact: ben })).toBe("Saved: Dr Ben Carter is Northbridge CAMHS's escalation contact.");
    expect(savedSentence({ name: "Northbridge CAMHS", escalationContact: null })).toBe("Saved: Northbridge CAMHS has no escalation contact named.");
  });
});
