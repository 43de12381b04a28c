/**
 * The minutes document kind: the agenda, then notes, decisions and actions — one section per
 * case for a tracker meeting. A case section's heading carries the case's id, so actions
 * written under it are tracked against that child.
 */
import * as Y from "yjs";
import { heading, orderedList, paragraph, richTextFragment } from "./rich-text.js";

export interface MinutesTemplate {
  agenda: readonly string[];
  /** Tracker meetings: the cases to review, in order. */
  cases?: readonly { id: string; name: string }[];
}

const actionsPrompt = "Type /action to add an action with an owner and a due date.";


function discussion(level: number): Y.XmlElement[] {
  return [heading("Notes", level), paragraph(""), heading("Decisions", level), paragraph(""), heading("Actions", level), paragraph(actionsPrompt)];
}

export function caseHeading(name: string, caseId: string): Y.XmlElement {
  const el = heading(name, 2);
  el.setAttribute("caseId", caseId);
  return el;
}

export function newMinutesState(template: MinutesTemplate): Uint8Array {
  const doc = new Y.Doc();
  const blocks: Y.XmlElement[] = [heading("Agenda", 2), orderedList(template.agenda)];
  if (template.cases && template.cases.length > 0) {
    for (const c of template.cases) blocks.push(caseHeading(c.name, c.id), ...discussion(3));
  } else {
    blocks.push(...discussion(2));
  }
  blocks.push(heading("Any other business", 2), paragraph(""));
  richTextFragment(doc).insert(0, blocks);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
