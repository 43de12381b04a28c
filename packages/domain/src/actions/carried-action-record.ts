/**
 * "Actions from the last meeting" as the minutes' record words them (ADR 0027): each carried
 * action as an action item, standing as it did when the meeting decided (or, if it was not
 * reviewed, as it stood when the record was read or, in agreed minutes, when they were agreed),
 * then where it was agreed and what this meeting decided. One formatter for the PDF, the print,
 * the easy-read view and the text export, so they never word it differently. Pure.
 */
import { actionNodeName, type DocNode } from "./action-projection.js";
import type { ActionStatus } from "./action-status.js";
import { carriedActionDecisionLabels, type CarriedActionDecision } from "./carry-over.js";

/**
 * One carried action as the record shows it. Kept as it is with the agreed minutes' version
 * (document_versions.carried_actions), so it must stay readable as saved: add fields as optional.
 */
export interface CarriedActionRecord {
  actionId: string;
  text: string;
  status: ActionStatus;
  dueDate: string | null;
  ownerId: string | null;
  ownerAgencyId: string | null;
  blockedReason: string | null;
  /** Where it was agreed: the meeting's title, or "the CETR on …" (cetrByDate). */
  agreedAt: string;
  decision: CarriedActionDecision | null;
}

export const carriedActionsHeading = "Actions from the last meeting";

const text = (value: string): DocNode => ({ type: "text", text: value });

/** The heading, then each action and a line saying where it was agreed and what this meeting decided. */
export function carriedActionBlocks(records: readonly CarriedActionRecord[]): DocNode[] {
  if (records.length === 0) return [];
  const blocks: DocNode[] = [{ type: "heading", attrs: { level: 3 }, content: [text(carriedActionsHeading)] }];
  for (const r of records) {
    const attrs = { id: r.actionId, status: r.status, dueDate: r.dueDate, ownerId: r.ownerId, ownerAgencyId: r.ownerId ? null : r.ownerAgencyId, blockedReason: r.blockedReason };
    blocks.push({ type: actionNodeName, attrs, content: [text(r.text)] });
    const decided = r.decision ? `This meeting: ${carriedActionDecisionLabels[r.decision]}.` : "Not reviewed at this meeting.";
    const heldUp = r.status === "blocked" && r.blockedReason ? ` Held up by: ${r.blockedReason}.` : "";
    blocks.push({ type: "paragraph", content: [text(`Agreed at ${r.agreedAt}. ${decided}${heldUp}`)] });
  }
  return blocks;
}

/** A child's part of the minutes with its carried actions put after the child's heading (or first, if it has none). */
export function withCarriedActionRecords(content: DocNode, records: readonly CarriedActionRecord[]): DocNode {
  if (records.length === 0) return content;
  const nodes = content.content ?? [];
  const first = nodes[0];
  const afterHeading = first?.type === "heading" && typeof first.attrs?.caseId === "string" ? 1 : 0;
  return { ...content, content: [...nodes.slice(0, afterHeading), ...carriedActionBlocks(records), ...nodes.slice(afterHeading)] };
}
