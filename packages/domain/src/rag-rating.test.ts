import { describe, expect, it } from "vitest";
import { compareRagRating, type RagRating } from "./rag-rating.js";

describe("RAG rating order", () => {
  it("puts the children at highest risk first", () => {
    const list: RagRating[] = ["green", "amber", "red", "blue", "amber"];
    expect(list.sort(compareRagRating)).toEqual(["blue", "red", "amber", "amber", "green"]);
  });
});
