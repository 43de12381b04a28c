import { describe, expect, it } from "vitest";
import { focusAfterRemoving } from "./relationship-label-focus";

const own = [{ id: "a" }, { id: "b" }, { id: "c" }];

describe("the focus after removing one of the service's relationships", () => {
  it("goes to the Remove button of the word that took its place, else the one before, else the box to add one", () => {
    expect(focusAfterRemoving(own, 0)).toEqual({ kind: "remove", id: "b" });
    expect(focusAfterRemoving(own, 1)).toEqual({ kind: "remove", id: "c" });
    expect(focusAfterRemoving(own, 2)).toEqual({ kind: "remove", id: "b" });
    expect(focusAfterRemoving([{ id: "a" }], 0)).toEqual({ kind: "add" });
  });
});
