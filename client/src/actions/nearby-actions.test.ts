import { describe, expect, it } from "vitest";
import { nearbyActions } from "./nearby-actions";

describe("nearbyActions", () => {
  it("offers the next action first, then the one before", () => {
    expect(nearbyActions(["a", "b", "c"], "b")).toEqual(["c", "a"]);
  });

  it("offers what there is at either end", () => {
    expect(nearbyActions(["a", "b"], "a")).toEqual(["b"]);
    expect(nearbyActions(["a", "b"], "b")).toEqual(["a"]);
    expect(nearbyActions(["a"], "a")).toEqual([]);
  });

  it("offers nothing for an action not in the list", () => {
    expect(nearbyActions(["a"], "z")).toEqual([]);
  });
});
