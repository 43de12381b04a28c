import { describe, expect, it } from "vitest";
import { presenceColour, presenceColours } from "./presence.js";

describe("presence colour", () => {
  it("is the same for the same person everywhere", () => {
    expect(presenceColour("a1b2")).toBe(presenceColour("a1b2"));
  });
  it("spreads people across the palette", () => {
    const seen = new Set(Array.from({ length: 200 }, (_, i) => presenceColour(`person-${i}`)));
    expect(seen.size).toBe(presenceColours.length);
  });
});
