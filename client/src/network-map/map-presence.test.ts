import { describe, expect, it } from "vitest";
import { readPresence } from "./map-presence";

describe("another person's place on the map, as shared", () => {
  it("reads a well-formed state", () => {
    expect(readPresence(7, { user: { name: "Claire Walker", color: "#ae2573" }, mapPointer: { x: 10.5, y: -3 }, mapSelection: ["a", "b"] })).toEqual({
      clientId: 7,
      name: "Claire Walker",
      colour: "#ae2573",
      pointer: { x: 10.5, y: -3 },
      selection: ["a", "b"],
    });
  });

  it("reads anything malformed as nothing, and no name as no one", () => {
    expect(readPresence(1, {})).toBeNull();
    expect(readPresence(1, { user: { name: 5 } })).toBeNull();
    const odd = readPresence(2, { user: { name: "X", color: "red;background:url(x)" }, mapPointer: { x: Number.NaN, y: 1 }, mapSelection: [1, "ok", null] });
    expect(odd).toEqual({ clientId: 2, name: "X", colour: "#4c6272", pointer: null, selection: ["ok"] });
  });
});
