/**
 * Action projection: a document's content (ProseMirror-style JSON, as the server reads it out
 * of Yjs) → the action rows it contains. Pure, so it can be tested on its own; the server runs
 * it after every change and upserts the result by action id.
 */
import { z } from "zod";
import { actionStatusSchema, blockedReasonFor, type ActionStatus } from "./action-status.js";
import { storableText } from "../text.js";

/** The JSON shape of a document node (what Tiptap's getJSON() and our Yjs reader produce). */
/** The name of a tracked action's node in a document (Tiptap, Yjs and the JSON alike). */
export const actionNodeName = "actionItem";

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
  /** What is holding it up, for a blocked action; null otherwise. */
  blockedReason: string | null;
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

/**
 * The text inside a node, a hard break as a new line. Iterative like every walk of document
 * content here: a document nested thousands of levels deep must not exhaust the stack.
 */
export function textOf(node: DocNode): string {
  const parts: string[] = [];
  const stack: DocNode[] = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.type === "text") parts.push(next.text ?? "");
    else if (next.type === "hardBreak") parts.push("\n");
    else pushChildren(stack, next);
  }
  return parts.join("");
}

/** Every node under `root` (itself included), in document order, without recursion. */
export function* eachNode(root: DocNode): Generator<DocNode> {
  const stack: DocNode[] = [root];
  for (let next = stack.pop(); next; next = stack.pop()) {
    yield next;
    pushChildren(stack, next);
  }
}

/** Push a node's children so that they pop in document order. */
function pushChildren(stack: DocNode[], node: DocNode): void {
  const content = node.content ?? [];
  for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]!);
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
  const stack: DocNode[] = [doc];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "heading") {
      section = storableText(textOf(node)).trim() || section;
      const level = typeof node.attrs?.level === "number" ? node.attrs.level : Number(node.attrs?.level ?? 1);
      const caseId = idOrNull(node.attrs?.caseId);
      if (caseId) sectionCase = { id: caseId, level };
      else if (sectionCase && level <= sectionCase.level) sectionCase = null;
      continue;
    }
    if (node.type === actionNodeName) {
      const attrs = node.attrs ?? {};
      const id = idOrNull(attrs.id);
      if (id && !seen.has(id)) {
        seen.add(id);
        actions.push({
          id,
          text: storableText(textOf(node)).replace(/\s+/g, " ").trim(),
          ownerId: idOrNull(attrs.ownerId),
          ownerAgencyId: idOrNull(attrs.ownerAgencyId),
          dueDate: dateOrNull(attrs.dueDate),
          status: statusOf(attrs.status),
          blockedReason: blockedReasonFor(statusOf(attrs.status), typeof attrs.blockedReason === "string" ? storableText(attrs.blockedReason) : null),
          section,
          caseId: sectionCase?.id ?? null,
          position: actions.length,
        });
      }
      continue;
    }
    pushChildren(stack, node);
  }
  return actions;
}
