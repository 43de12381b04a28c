/**
 * The minutes document kind: the agenda, then notes, decisions and actions — one section per
 * case for a tracker meeting. A case section's heading carries the case's id, so actions
 * written under it are tracked against that child.
 */
import * as Y from "yjs";
import { heading, orderedList, paragraph, richTextFragment } from "./rich-text.js";

export interface MinutesTemplate {
  agenda: readonly string[];
  /**
   * A tracker meeting whose children each have a minutes document of their own (ADR 0017): the
   * meeting's own minutes hold only its general business (the agenda, any other business).
   */
  sectionsApart?: boolean;
}

// No words are written in the empty paragraphs: what to type there is the editor's placeholder,
// never stored, so it is never in the minutes or their PDF.
function discussion(level: number): Y.XmlElement[] {
  return [heading("Notes", level), paragraph(""), heading("Decisions", level), paragraph(""), heading("Actions", level), paragraph("")];
}

export function caseHeading(name: string, caseId: string): Y.XmlElement {
  const el = heading(name, 2);
  el.setAttribute("caseId", caseId);
  return el;
}

function stateOf(blocks: Y.XmlElement[]): Uint8Array {
  const doc = new Y.Doc();
  richTextFragment(doc).insert(0, blocks);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export function newMinutesState(template: MinutesTemplate): Uint8Array {
  const blocks: Y.XmlElement[] = [heading("Agenda", 2), orderedList(template.agenda)];
  if (!template.sectionsApart) blocks.push(...discussion(2));
  blocks.push(heading("Any other business", 2), paragraph(""));
  return stateOf(blocks);
}

/** One child's section of a tracker meeting's minutes, as a document of its own: the heading carries the case id. */
export function newCaseMinutesState(c: { id: string; name: string }): Uint8Array {
  return stateOf([caseHeading(c.name, c.id), ...discussion(3)]);
}
