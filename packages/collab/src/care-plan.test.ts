import { carePlanSections, youngPersonViewsSections } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { newCarePlanState, newYoungPersonViewsState } from "./care-plan.js";
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
    expect(headings).not.toContain("What matters to me");
  });

  it("gives the young person's own part their two sections, in their words or with the prompts", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newYoungPersonViewsState({ "what-matters-to-me": ["My cat."] }));
    const text = richTextToPlainText(doc);
    expect(text).toContain("About me");
    expect(text).toContain(youngPersonViewsSections[0]!.prompt);
    expect(text).toContain("What matters to me");
    expect(text).toContain("My cat.");
    expect(text).not.toContain(youngPersonViewsSections[1]!.prompt);
  });

  it("puts given content under its section instead of the prompt", () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, newCarePlanState({ "needs-and-strengths": ["Sam likes trains."] }));
    const text = richTextToPlainText(doc);
    expect(text).toContain("Sam likes trains.");
    expect(text).not.toContain(carePlanSections[0]!.prompt);
  });
});
