/**
 * Action projection: a document's content (ProseMirror-style JSON, as the server reads it out
 * of Yjs) → the action rows it contains. Pure, so it can be tested on its own; the server runs
 * it after every change and upserts the result by action id.
 */
import { z } from "zod";
import { actionNodeName } from "./action-api.js";
import { actionStatusSchema, type ActionStatus } from "./action-status.js";

/** The JSON shape of a document node (what Tiptap's getJSON() and our Yjs reader produce). */
export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
}

export interface ProjectedAction {
  id: string;
  text: string;
  ownerId: string | null;
  ownerAgencyId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  /** The text of the nearest heading above the action, if any. */
  section: string | null;
  /**
   * The case the action is for when the document says so: in a tracker meeting's minutes each
   * case has a heading carrying its `caseId`, and the actions under it belong to that case.
   */
  caseId: string | null;
  /** Order in the document, from 0. */
  position: number;
}

const uuid = z.uuid();
const isoDate = z.iso.date();

function idOrNull(value: unknown): string | null {
  return typeof value === "string" && uuid.safeParse(value).success ? value.toLowerCase() : null;
}

function dateOrNull(value: unknown): string | null {
  return typeof value === "string" && isoDate.safeParse(value).success ? value : null;
}

function statusOf(value: unknown): ActionStatus {
  const parsed = actionStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : "open";
}

export function textOf(node: DocNode): string {
  if (node.type === "text") return node.text ?? "";
  const parts = (node.content ?? []).map(textOf);
  return node.type === "hardBreak" ? "\n" : parts.join("");
}

/**
 * Every action in the document, in document order. An action without a valid id cannot be
 * tracked and is left out; a copy with the same id as an earlier one is left out too (the
 * editor gives pasted copies a new id, so this only guards against odd input).
 */
export function projectActions(doc: DocNode): ProjectedAction[] {
  const actions: ProjectedAction[] = [];
  const seen = new Set<string>();
  let section: string | null = null;
  // The case heading in force, and its level: a heading at that level or above ends it.
  let sectionCase: { id: string; level: number } | null = null;
  const walk = (node: DocNode): void => {
    if (node.type === "heading") {
      section = textOf(node).trim() || section;
      const level = typeof node.attrs?.level === "number" ? node.attrs.level : Number(node.attrs?.level ?? 1);
      const caseId = idOrNull(node.attrs?.caseId);
      if (caseId) sectionCase = { id: caseId, level };
      else if (sectionCase && level <= sectionCase.level) sectionCase = null;
      return;
    }
    if (node.type === actionNodeName) {
      const attrs = node.attrs ?? {};
      const id = idOrNull(attrs.id);
      if (id && !seen.has(id)) {
        seen.add(id);
        actions.push({
          id,
          text: textOf(node).replace(/\s+/g, " ").trim(),
          ownerId: idOrNull(attrs.ownerId),
          ownerAgencyId: idOrNull(attrs.ownerAgencyId),
          dueDate: dateOrNull(attrs.dueDate),
          status: statusOf(attrs.status),
          section,
          caseId: sectionCase?.id ?? null,
          position: actions.length,
        });
      }
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return actions;
}
