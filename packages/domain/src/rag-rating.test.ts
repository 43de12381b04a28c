import { describe, expect, it } from "vitest";
import { compareRagRating, isRagRating, type RagRating, type RecordedRagRating } from "./rag-rating.js";

describe("RAG rating order", () => {
  it("puts the children at highest risk first", () => {
    const list: RagRating[] = ["green", "amber", "red", "blue", "amber"];
    expect(list.sort(compareRagRating)).toEqual(["blue", "red", "amber", "amber", "green"]);
  });

  it("puts a level a service added after the four it knows", () => {
    const list: RecordedRagRating[] = ["yellow", "green", "red"];
    expect(list.sort(compareRagRating)).toEqual(["red", "green", "yellow"]);
  });
});

describe("isRagRating", () => {
  it("tells the four ratings from a level a service added", () => {
    expect(["red", "amber", "green", "blue", "yellow"].filter(isRagRating)).toEqual(["red", "amber", "green", "blue"]);
  });
});
