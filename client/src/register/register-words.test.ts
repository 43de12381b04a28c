import { describe, expect, it } from "vitest";
import { cetrLines, keyworkerChoice, keyworkersOverLimit, registerCountText, signalMeanings } from "./register-words";

describe("how many children the register lists", () => {
  it("says how many, on one page or across several", () => {
    expect(registerCountText({ total: 4, page: 1, pageSize: 100 }, 4, false)).toBe("4 children on the register.");
    expect(registerCountText({ total: 1, page: 1, pageSize: 100 }, 1, true)).toBe("1 child matches these filters.");
    expect(registerCountText({ total: 5000, page: 2, pageSize: 100 }, 100, false)).toBe("Children 101 to 200 of 5,000 on the register.");
    expect(registerCountText({ total: 250, page: 3, pageSize: 100 }, 50, true)).toBe("Children 201 to 250 of 250 matching these filters.");
  });

  it("says why there are none", () => {
    expect(registerCountText({ total: 0, page: 1, pageSize: 100 }, 0, false)).toBe("There are no children on the register yet.");
    expect(registerCountText({ total: 0, page: 1, pageSize: 100 }, 0, true)).toBe("No children match these filters.");
    expect(registerCountText({ total: 20, page: 9, pageSize: 10 }, 0, false)).toMatch(/none on this page/);
  });
});

describe("a child's CETRs", () => {
  it("reads well when there are none yet", () => {
    expect(cetrLines({ lastCetrHeldOn: null, nextCetrDueOn: null, cetrArrangedOn: null })).toEqual(["None held"]);
  });

  it("gives the last held, the next due and one arranged, each on its own line", () => {
    expect(cetrLines({ lastCetrHeldOn: "2026-09-10", nextCetrDueOn: "2026-12-10", cetrArrangedOn: "2026-12-08" })).toEqual([
      "Last held Thu 10 Sep 2026",
      "Next due Thu 10 Dec 2026",
      "Arranged for Tue 8 Dec 2026",
    ]);
  });
});

describe("keyworkers and their caseloads", () => {
  const priya = { id: "p", name: "Priya Shah", caseload: 14 };
  const tom = { id: "t", name: "Tom Hughes", caseload: 0 };
  const ann = { id: "a", name: "Ann Lee", caseload: 12 };

  it("names each choice with their caseload, saying when it is over the limit", () => {
    expect(keyworkerChoice(priya, 12)).toBe("Priya Shah (14 children, over the limit)");
    expect(keyworkerChoice(ann, 12)).toBe("Ann Lee (12 children)");
    expect(keyworkerChoice(tom, 12)).toBe("Tom Hughes (second keyworker only)");
  });

  it("lists only those over the limit, most first", () => {
    expect(keyworkersOverLimit([ann, tom, priya, { id: "b", name: "Bo", caseload: 13 }], 12).map((k) => k.name)).toEqual(["Priya Shah", "Bo"]);
  });
});

describe("what the signals mean", () => {
  it("uses the service's own numbers", () => {
    const lines = signalMeanings({ redWithoutCetrWeeks: 8, inpatientCetrEveryMonths: 1, ratingUnchangedWeeks: 26, caseloadLimit: 10 });
    expect(lines).toContain("Red, with no CETR held in the last 8 weeks.");
    expect(lines[0]).toMatch(/every 1 month\.$/);
    expect(lines).toContain("Their keyworker is keyworker for more than 10 children.");
  });
});
