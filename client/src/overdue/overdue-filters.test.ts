import { describe, expect, it } from "vitest";
import {
  hasFilters,
  matchesOwner,
  narrowsOnServer,
  noFilters,
  overdueQuery,
  overdueSearch,
  readOverdueFilters,
  type OverdueFilters,
} from "./overdue-filters";

const agency = "0b6f1c52-9a57-4f4e-8d2b-3f0c8e1a2b3c";
const person = "7d0a4e1b-2c3d-4e5f-8a9b-0c1d2e3f4a5b";
const caseId = "5e9b2f3a-1c4d-4b6e-9f7a-8b0c1d2e3f4a";

describe("the filters in the address", () => {
  it("round-trips every filter", () => {
    const filters: OverdueFilters = { agencyId: agency, owner: `person:${person}`, caseId };
    const search = overdueSearch(filters);
    expect(search).toBe(`agency=${agency}&owner=person%3A${person}&case=${caseId}`);
    expect(readOverdueFilters(new URLSearchParams(search))).toEqual(filters);
  });

  it("round-trips an agency with no one named, and no owner", () => {
    for (const owner of [`agency:${agency}`, "none"]) {
      const filters = { ...noFilters, owner };
      expect(readOverdueFilters(new URLSearchParams(overdueSearch(filters)))).toEqual(filters);
    }
  });

  it("leaves the address bare when nothing is filtered", () => {
    expect(overdueSearch(noFilters)).toBe("");
    expect(readOverdueFilters(new URLSearchParams(""))).toEqual(noFilters);
  });

  it("ignores values that are not ids, so a mistyped link still shows the whole list", () => {
    const filters = readOverdueFilters(new URLSearchParams("agency=riverside&owner=person:tom&case=1"));
    expect(filters).toEqual(noFilters);
    expect(readOverdueFilters(new URLSearchParams(`owner=team:${person}`)).owner).toBe("");
  });
});

describe("hasFilters", () => {
  it("is true when anything is chosen", () => {
    expect(hasFilters(noFilters)).toBe(false);
    expect(hasFilters({ ...noFilters, owner: "none" })).toBe(true);
    expect(hasFilters({ ...noFilters, caseId })).toBe(true);
  });
});

describe("narrowsOnServer", () => {
  it("is true only for filters the server applies", () => {
    expect(narrowsOnServer(noFilters)).toBe(false);
    expect(narrowsOnServer({ ...noFilters, owner: "none" })).toBe(false);
    expect(narrowsOnServer({ ...noFilters, owner: `agency:${agency}` })).toBe(false);
    expect(narrowsOnServer({ ...noFilters, owner: `person:${person}` })).toBe(true);
    expect(narrowsOnServer({ ...noFilters, agencyId: agency })).toBe(true);
    expect(narrowsOnServer({ ...noFilters, caseId })).toBe(true);
  });
});

describe("overdueQuery", () => {
  it("always asks for overdue actions, at most 500", () => {
    expect(overdueQuery(noFilters)).toEqual({ overdue: "true", limit: 500 });
  });

  it("passes the agency, a named owner and the case to the server", () => {
    expect(overdueQuery({ agencyId: agency, owner: `person:${person}`, caseId })).toEqual({
      overdue: "true",
      limit: 500,
      agencyId: agency,
      owner: person,
      caseId,
    });
  });

  it("narrows an agency owner or no owner here, not on the server", () => {
    expect(overdueQuery({ ...noFilters, owner: `agency:${agency}` })).toEqual({ overdue: "true", limit: 500 });
    expect(overdueQuery({ ...noFilters, owner: "none" })).toEqual({ overdue: "true", limit: 500 });
  });
});

describe("matchesOwner", () => {
  const named = { ownerId: person, ownerAgencyId: null };
  const agencyOnly = { ownerId: null, ownerAgencyId: agency };
  const nobody = { ownerId: null, ownerAgencyId: null };

  it("keeps everything when no owner is chosen", () => {
    expect([named, agencyOnly, nobody].every((a) => matchesOwner(a, ""))).toBe(true);
  });

  it("keeps only actions with no owner at all for 'no owner'", () => {
    expect([named, agencyOnly, nobody].map((a) => matchesOwner(a, "none"))).toEqual([false, false, true]);
  });

  it("keeps an agency's actions with no one named for that agency", () => {
    expect([named, agencyOnly, nobody].map((a) => matchesOwner(a, `agency:${agency}`))).toEqual([false, true, false]);
  });

  it("keeps a person's actions for that person", () => {
    expect([named, agencyOnly, nobody].map((a) => matchesOwner(a, `person:${person}`))).toEqual([true, false, false]);
  });
});
