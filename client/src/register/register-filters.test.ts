import { describe, expect, it } from "vitest";
import { hasRegisterFilters, readRegisterFilters, registerQuery, registerSearch } from "./register-filters";

const id = "8d1f0c1e-2f4b-4b8e-9a55-0c6b3f1e2d3a";
const read = (search: string) => readRegisterFilters(new URLSearchParams(search));

describe("the register's address", () => {
  it("opens on every child, highest risk first, on the first page", () => {
    expect(read("")).toEqual({ rating: null, keyworker: null, sort: "rating", page: 1 });
    expect(registerSearch(read(""))).toBe("");
  });

  it("round-trips a rating, a keyworker or none, an order and a page", () => {
    for (const search of [`rating=red&keyworker=${id}&sort=next-cetr-due&page=3`, "keyworker=none", "rating=yellow&sort=last-change"]) {
      expect(registerSearch(read(search))).toBe(search);
    }
  });

  it("leaves out what the server would refuse rather than sending it", () => {
    expect(read("rating=Red!&keyworker=priya&sort=wibble&page=0")).toEqual({ rating: null, keyworker: null, sort: "rating", page: 1 });
    expect(read("page=2.5").page).toBe(1);
    expect(read("page=10001").page).toBe(1);
  });

  it("asks the server for the same view, page and all", () => {
    expect(registerQuery(read(`rating=amber&keyworker=${id}&sort=keyworker&page=2`))).toEqual({ rating: "amber", keyworker: id, sort: "keyworker", page: 2 });
    expect(registerQuery(read(""))).toEqual({ sort: "rating" });
  });

  it("counts a rating or a keyworker as a filter, and the order not", () => {
    expect(hasRegisterFilters(read("sort=keyworker&page=2"))).toBe(false);
    expect(hasRegisterFilters(read("keyworker=none"))).toBe(true);
    expect(hasRegisterFilters(read("rating=blue"))).toBe(true);
  });
});
