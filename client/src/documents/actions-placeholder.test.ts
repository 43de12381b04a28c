import { getSchema } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { actionsPlaceholderPositions } from "./actions-placeholder";

const schema = getSchema([StarterKit]);
const heading = (text: string) => schema.nodes.heading!.create({ level: 3 }, schema.text(text));
const paragraph = (text = "") => schema.nodes.paragraph!.create(null, text ? schema.text(text) : null);

describe("the placeholder under Actions", () => {
  it("marks only the empty paragraph straight after an Actions heading", () => {
    const doc = schema.nodes.doc!.create(null, [heading("Notes"), paragraph(), heading("Actions"), paragraph(), paragraph()]);
    const found = actionsPlaceholderPositions(doc);
    expect(found).toHaveLength(1);
    expect(doc.nodeAt(found[0]!.from)?.type.name).toBe("paragraph");
    expect(doc.resolve(found[0]!.from).index()).toBe(3);
  });

  it("goes once something is written there", () => {
    const doc = schema.nodes.doc!.create(null, [heading("Actions"), paragraph("Book the CETR")]);
    expect(actionsPlaceholderPositions(doc)).toEqual([]);
  });
});
