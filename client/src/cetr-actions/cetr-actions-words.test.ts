import { describe, expect, it } from "vitest";
import { readCetrActionFilters, cetrActionsSearch, narrows, overviewQuery } from "./cetr-action-filters";
import { cetrActionsLede, cetrLabel, countsWords, escalatedText, whenDueText } from "./cetr-actions-words";

const id = "5f0c8a4e-6b1d-4c1a-9a4e-2d8f1b7c3e90";

describe("what the CETR actions page says", () => {
  it("says whose actions they are, by who is reading", () => {
    expect(cetrActionsLede("overseen")).toMatch(/the children your ICB oversees/);
    expect(cetrActionsLede("own-caseload")).toMatch(/on your caseload/);
  });

  it("says how late or soon each action is", () => {
    expect(whenDueText("2026-03-01", "2026-03-04")).toBe("3 days overdue");
    expect(whenDueText("2026-03-03", "2026-03-04")).toBe("1 day overdue");
    expect(whenDueText("2026-03-04", "2026-03-04")).toBe("Due today");
    expect(whenDueText("2026-03-05", "2026-03-04")).toBe("Due tomorrow");
    expect(whenDueText("2026-03-10", "2026-03-04")).toBe("Due in 6 days");
    expect(whenDueText(null, "2026-03-04")).toBeNull();
  });

  it("names each CETR by when it was held, or where it has got to", () => {
    expect(cetrLabel({ heldOn: "2026-02-03", status: "agreed" })).toBe("CETR held Tue 3 Feb 2026");
    expect(cetrLabel({ heldOn: "2026-04-03", status: "arranged" })).toBe("CETR arranged for Fri 3 Apr 2026");
    expect(cetrLabel({ heldOn: null, status: "requested" })).toMatch(/^CETR: Requested/);
  });

  it("counts in words", () => {
    expect(escalatedText(0)).toBe("Not escalated");
    expect(escalatedText(1)).toBe("Escalated once");
    expect(escalatedText(3)).toBe("Escalated 3 times");
    const words = countsWords({ overdue: 1, dueSoon: 2, open: 5, done: 7, children: 1 }, 14);
    expect(words.map((w) => `${w.figure} ${w.words}`)).toEqual(["1 action overdue", "2 due in the next 14 days", "5 actions still to do", "7 done", "1 child"]);
  });
});

describe("the page's address", () => {
  it("keeps the filters and grouping, and ignores what is not a real id or grouping", () => {
    const filters = readCetrActionFilters(new URLSearchParams(`agency=${id}&owner=nobody&child=${id}&group=owner`));
    expect(filters).toEqual({ agencyId: id, ownerId: null, caseId: id, cetrId: null, group: "owner" });
    expect(readCetrActionFilters(new URLSearchParams("group=colour")).group).toBe("none");
    expect(cetrActionsSearch(filters)).toBe(`agency=${id}&child=${id}&group=owner`);
    expect(narrows(filters)).toBe(true);
    expect(narrows({ ...filters, agencyId: null, caseId: null })).toBe(false);
    expect(overviewQuery(filters)).toEqual({ limit: 100, agencyId: id, caseId: id });
    // "Show more" asks for more, never past what the server lists at most.
    expect(overviewQuery(filters, 300)).toEqual({ limit: 300, agencyId: id, caseId: id });
    expect(overviewQuery(filters, 5000).limit).toBe(1000);
  });
});
