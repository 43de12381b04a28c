import { carePlanSections } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { newCarePlanState } from "./care-plan.js";
import { richTextFragment, richTextToPlainText } from "./rich-text.js";

describe("care plan template", () => {
  it("starts with every section heading in order, each with its prompt", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newCarePlanState());
    const headings = richTextFragment(doc)
      .toArray()
      .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "heading")
      .map((h) => h.toArray().join(""));
    expect(headings).toEqual(carePlanSections.map((s) => s.heading));
    expect(richTextToPlainText(doc)).toContain(carePlanSections[1]!.prompt);
  });

  it("puts given content under its section instead of the prompt", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newCarePlanState({ "about-me": ["I am Sam. I like trains."] }));
    const text = richTextToPlainText(doc);
    expect(text).toContain("I am Sam. I like trains.");
    expect(text).not.toContain(carePlanSections[0]!.prompt);
  });
});
