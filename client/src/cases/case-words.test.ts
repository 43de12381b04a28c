import { describe, expect, it } from "vitest";
import { caseWords, homeWords, readerOf } from "./case-words";

describe("what the home page says to each reader", () => {
  it("shows a parent their child and the young person their own plan, never 'cases'", () => {
    expect(homeWords("parent").heading).toBe("Your child");
    expect(homeWords("young-person").heading).toBe("My plan");
    expect(homeWords("parent").logoLabel).toBe("Roundtable – your child");
    expect(homeWords("professional").logoLabel).toBe("Roundtable – children you work with");
    for (const role of ["parent", "young-person"] as const) {
      const words = Object.values(homeWords(role)).join(" ");
      expect(words).not.toMatch(/cases/i);
    }
  });

  it("shows a professional the children they work with, and staff their cases", () => {
    expect(homeWords("professional").heading).toBe("Children you work with");
    expect(homeWords("icb-lead").heading).toBe("Children you work with");
    expect(homeWords("keyworker").caption).toBe("Cases you work on, highest risk first");
    expect(homeWords("service-lead").heading).toBe("Cases in the service");
  });
});

describe("what a case's page says to each reader", () => {
  const jamie = { keyworker: { id: "priya" } };

  it("knows the child's own keyworker from other staff", () => {
    expect(readerOf({ id: "priya", role: "keyworker" }, jamie)).toBe("own-keyworker");
    expect(readerOf({ id: "tom", role: "senior-keyworker" }, jamie)).toBe("other-staff");
    expect(readerOf({ id: "claire", role: "parent" }, jamie)).toBe("parent");
    expect(readerOf({ id: "jamie", role: "young-person" }, jamie)).toBe("young-person");
    expect(readerOf({ id: "mark", role: "professional" }, jamie)).toBe("professional");
  });

  it("speaks to each reader in their own words", () => {
    expect(caseWords("parent", "Jamie")).toMatchObject({ caption: "Your child", keyworkerLabel: "Your keyworker", teamContactLink: "How to contact Jamie's team" });
    expect(caseWords("young-person", "Jamie")).toMatchObject({ caption: "My plan", keyworkerLabel: "My keyworker", teamContactLink: "How to contact my team" });
    expect(caseWords("professional", "Jamie").caption).toBe("A child you work with");
    expect(caseWords("other-staff", "Jamie").caption).toBe("Case");
  });

  it("tells the keyworker that they are the keyworker", () => {
    expect(caseWords("own-keyworker", "Jamie").keyworkerName("Priya Shah")).toBe("You");
    expect(caseWords("other-staff", "Jamie").keyworkerName("Priya Shah")).toBe("Priya Shah");
    expect(caseWords("parent", "Jamie").keyworkerName(null)).toBe("Not allocated yet");
  });
});

describe("the home page's smaller words", () => {
  it("says what My actions holds in the reader's own terms", () => {
    expect(homeWords("parent").myActionsLede).toBe("Everything you have agreed to do for your child.");
    expect(homeWords("young-person").myActionsLede).toBe("Everything you have agreed to do.");
    expect(homeWords("professional").myActionsLede).toMatch(/children you work with/);
    expect(homeWords("keyworker").myActionsLede).toMatch(/your cases/);
    expect(homeWords("parent").loading).not.toMatch(/cases/);
  });
});
