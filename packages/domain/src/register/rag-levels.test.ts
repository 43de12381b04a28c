import { describe, expect, it } from "vitest";
import { ragRatings } from "../rag-rating.js";
import type { RagLevel } from "./rag-change.js";
import { defaultRagLevels, ragLevelName, ragLevelOf, ragLevelsOf } from "./rag-levels.js";

const yellow: RagLevel = { rating: "yellow", label: "Yellow", criteria: "Some risk: watched closely by the keyworker, with a check-in every month." };

describe("ragLevelsOf", () => {
  it("gives a service without levels of its own the four every service has, most serious first", () => {
    expect(ragLevelsOf(null).map((l) => l.rating)).toEqual(["blue", "red", "amber", "green"]);
    expect(ragLevelsOf([]).map((l) => l.rating)).toEqual(["blue", "red", "amber", "green"]);
  });

  it("writes criteria for each of the four, in whole sentences", () => {
    expect(defaultRagLevels.map((l) => l.rating).sort()).toEqual([...ragRatings].sort());
    for (const level of defaultRagLevels) expect(level.criteria).toMatch(/^[A-Z].{40,}\.$/);
  });

  it("keeps a level the service added where the service put it", () => {
    const own = [...defaultRagLevels.slice(0, 3), yellow, defaultRagLevels[3]!];
    expect(ragLevelsOf(own).map((l) => l.rating)).toEqual(["blue", "red", "amber", "yellow", "green"]);
  });

  it("uses the service's own criteria for one of the four", () => {
    const red: RagLevel = { rating: "red", label: "Red", criteria: "Our own words for red." };
    const levels = ragLevelsOf([red, yellow]);
    expect(ragLevelOf(levels, "red")?.criteria).toBe("Our own words for red.");
  });

  it("keeps the four even when the service's list leaves some out, once each", () => {
    const levels = ragLevelsOf([yellow, yellow, { ...defaultRagLevels[2]!, criteria: "Amber, ours." }]);
    expect(levels.map((l) => l.rating)).toEqual(["yellow", "amber", "blue", "red", "green"]);
    expect(ragLevelOf(levels, "amber")?.criteria).toBe("Amber, ours.");
  });
});

describe("ragLevelOf and ragLevelName", () => {
  it("finds only the service's levels", () => {
    expect(ragLevelOf(ragLevelsOf(null), "yellow")).toBeUndefined();
    expect(ragLevelOf(ragLevelsOf([yellow]), "yellow")?.label).toBe("Yellow");
  });

  it("names a level as said in a sentence", () => {
    expect(ragLevelName(ragLevelsOf(null), "amber")).toBe("amber");
    expect(ragLevelName(ragLevelsOf(null), "purple")).toBe("purple");
  });
});
