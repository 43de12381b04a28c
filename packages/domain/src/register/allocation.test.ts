import { describe, expect, it } from "vitest";
import { allocatedTeamRole, allocationBodySchema, coverFromToday, coverProblems, coverWords } from "./allocation.js";

const priya = "11111111-1111-4111-8111-111111111111";
const tom = "22222222-2222-4222-8222-222222222222";
const sam = "33333333-3333-4333-8333-333333333333";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("an allocation", () => {
  it("names a keyworker, optionally a second, and dated cover", () => {
    const body = { keyworkerId: priya, secondKeyworkerId: tom, cover: [{ personId: sam, from: "2026-03-02", to: "2026-03-13" }] };
    expect(allocationBodySchema.parse(body)).toEqual(body);
    expect(allocationBodySchema.parse({ keyworkerId: priya })).toEqual({ keyworkerId: priya, cover: [] });
  });

  it("ends cover on or after the day it starts", () => {
    expect(allocationBodySchema.safeParse({ keyworkerId: priya, cover: [{ personId: sam, from: "2026-03-02", to: "2026-03-02" }] }).success).toBe(true);
    expect(messages(allocationBodySchema.safeParse({ keyworkerId: priya, cover: [{ personId: sam, from: "2026-03-02", to: "2026-03-01" }] }))).toEqual({
      "cover.0.to": "The last day of cover must be the same as or after the first day",
    });
  });

  it("keeps the second keyworker and cover to people other than the keyworker", () => {
    expect(messages(allocationBodySchema.safeParse({ keyworkerId: priya, secondKeyworkerId: priya, cover: [{ personId: priya, from: "2026-03-02", to: "2026-03-03" }] }))).toEqual({
      secondKeyworkerId: "The second keyworker must be someone other than the keyworker",
      "cover.0.personId": "Cover is someone other than the keyworker",
    });
  });

  it("records at most ten periods of cover at once", () => {
    const cover = Array.from({ length: 11 }, () => ({ personId: sam, from: "2026-03-02", to: "2026-03-03" }));
    expect(messages(allocationBodySchema.safeParse({ keyworkerId: priya, cover }))).toEqual({ cover: "Record up to 10 periods of cover at once" });
  });

  it("refuses cover that has already ended", () => {
    expect(coverProblems([{ to: "2026-03-01" }, { to: "2026-03-02" }], "2026-03-02")).toEqual({ "cover.0.to": "This cover ended on Sun 1 Mar 2026. Record cover for today or later" });
  });
});

describe("cover in words", () => {
  it("says until when for cover under way, and from when for cover to come", () => {
    expect(coverWords({ from: "2026-03-01", to: "2026-03-13" }, "2026-03-02")).toBe("Covering until Fri 13 Mar 2026");
    expect(coverWords({ from: "2026-03-09", to: "2026-03-13" }, "2026-03-02")).toBe("Covering from Mon 9 Mar 2026 to Fri 13 Mar 2026");
    expect(coverWords({ from: "2026-03-09", to: "2026-03-09" }, "2026-03-02")).toBe("Covering on Mon 9 Mar 2026");
  });

  it("lists cover now and to come, soonest first, leaving out what has ended", () => {
    const cover = [
      { id: "c", from: "2026-04-01", to: "2026-04-03" },
      { id: "a", from: "2026-02-01", to: "2026-02-03" },
      { id: "b", from: "2026-03-01", to: "2026-03-05" },
    ];
    expect(coverFromToday(cover, "2026-03-05").map((c) => c.id)).toEqual(["b", "c"]);
  });
});

describe("joining the team by allocation", () => {
  it("keeps a senior keyworker's seniority and makes anyone else in the service a keyworker", () => {
    expect(allocatedTeamRole("senior-keyworker")).toBe("senior-keyworker");
    expect(allocatedTeamRole("keyworker")).toBe("keyworker");
    expect(allocatedTeamRole("service-lead")).toBe("keyworker");
  });
});
