import { getSchema } from "@tiptap/core";
import { Node } from "@tiptap/pm/model";
import { StarterKit } from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { findQuote } from "./quote-search";

const schema = getSchema([StarterKit.configure({ undoRedo: false })]);

function documentOf(...paragraphs: (string | "break")[][]) {
  return Node.fromJSON(schema, {
    type: "doc",
    content: paragraphs.map((parts) => ({
      type: "paragraph",
      content: parts.map((part) => (part === "break" ? { type: "hardBreak" } : { type: "text", text: part })),
    })),
  });
}

describe("findQuote", () => {
  it("finds words that appear once", () => {
    const doc = documentOf(["I like Minecraft, buses and drawing maps."], ["School is hard."]);
    const place = findQuote(doc, "buses and drawing maps");
    expect(place && doc.textBetween(place.from, place.to)).toBe("buses and drawing maps");
  });

  it("counts positions correctly after a line break", () => {
    const doc = documentOf(["First line", "break", "then buses and drawing maps."]);
    const place = findQuote(doc, "buses and drawing maps");
    expect(place && doc.textBetween(place.from, place.to)).toBe("buses and drawing maps");
  });

  it("does not guess between two places with the same words", () => {
    const doc = documentOf(["Jamie likes the 42 bus to town."], ["On Sundays Jamie likes the 42 bus too."]);
    expect(findQuote(doc, "Jamie likes the 42 bus")).toBeNull();
  });

  it("does not search for a short or shortened quote", () => {
    const doc = documentOf(["Mia is Jamie's sister and they get on well at home."]);
    expect(findQuote(doc, "Mia")).toBeNull();
    expect(findQuote(doc, "Mia is Jamie's sister and…")).toBeNull();
  });

  it("finds nothing when the words have gone", () => {
    expect(findQuote(documentOf(["School is hard."]), "buses and drawing maps")).toBeNull();
  });
});
