/**
 * The care plan document kind: a new plan starts with the sections families recognise
 * (from packages/domain), each with a plain-English prompt under its heading.
 */
import { carePlanSections, familyViewsSection, youngPersonViewsSections, type CarePlanSection } from "@roundtable/domain";
import * as Y from "yjs";
import { heading, newRichTextState, paragraph, richTextFragment } from "./rich-text.js";

/** Content to put under a section when seeding or importing; by section key. */
export type CarePlanContent = Partial<Record<string, readonly (Y.XmlElement | string)[]>>;

export function writeCarePlan(doc: Y.Doc, content: CarePlanContent = {}, sections: readonly CarePlanSection[] = carePlanSections): void {
  const fragment = richTextFragment(doc);
  doc.transact(() => {
    const blocks: Y.XmlElement[] = [];
    for (const section of sections) {
      blocks.push(heading(section.heading));
      const body = content[section.key];
      if (body && body.length > 0) {
        for (const block of body) blocks.push(typeof block === "string" ? paragraph(block) : block);
      } else {
        blocks.push(paragraph(section.prompt));
      }
    }
    fragment.insert(fragment.length, blocks);
  });
}

/** A fresh care plan as one Yjs update, ready to store as the document's first snapshot. */
export function newCarePlanState(content: CarePlanContent = {}, sections: readonly CarePlanSection[] = carePlanSections): Uint8Array {
  const doc = new Y.Doc();
  writeCarePlan(doc, content, sections);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The family's own part of a care plan: its heading, then their words (or the prompt). */
export function newFamilyViewsState(paragraphs: readonly string[] = []): Uint8Array {
  const body = paragraphs.length > 0 ? paragraphs : [familyViewsSection.prompt];
  return newRichTextState([heading(familyViewsSection.heading), ...body.map((text) => paragraph(text))]);
}

/** The young person's own part of a care plan (ADR 0026): "About me" and "What matters to me", their words or the prompts. */
export function newYoungPersonViewsState(content: CarePlanContent = {}): Uint8Array {
  return newCarePlanState(content, youngPersonViewsSections);
}
