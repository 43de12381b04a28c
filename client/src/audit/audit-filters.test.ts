import { describe, expect, it } from "vitest";
import { auditSearch, dateRangeProblem, isFiltered, readAuditFilter } from "./audit-filters";

const id = "6f1c1a52-8d3e-4c1b-9a55-0d6a3f0b2a11";

describe("audit filters in the address", () => {
  it("reads what it can trust and ignores the rest", () => {
    const filter = readAuditFilter(new URLSearchParams(`personId=${id}&documentId=nope&action=opened&from=2026-12-01&to=31/12/2026&extra=1`));
    expect(filter).toEqual({ personId: id, action: "opened", from: "2026-12-01" });
  });

  it("ignores a kind of event Roundtable does not know", () => {
    expect(readAuditFilter(new URLSearchParams("action=deleted"))).toEqual({});
  });

  it("writes the filters back in a fixed order, leaving out those not set", () => {
    expect(auditSearch({ to: "2026-12-05", action: "printed", personId: id })).toBe(`personId=${id}&action=printed&to=2026-12-05`);
    expect(auditSearch({})).toBe("");
  });

  it("knows when a view is narrowed", () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ from: "2026-12-01" })).toBe(true);
  });

  it("refuses an end date before the start date, and allows one day", () => {
    expect(dateRangeProblem({ from: "2026-12-05", to: "2026-12-01" })).toMatch(/end date/);
    expect(dateRangeProblem({ from: "2026-12-05", to: "2026-12-05" })).toBeNull();
    expect(dateRangeProblem({ to: "2026-12-05" })).toBeNull();
  });
});
