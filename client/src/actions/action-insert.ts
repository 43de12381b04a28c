/**
 * Adding an action at the cursor: an empty paragraph becomes the action; otherwise a new action
 * goes after the block the cursor is in. Either way the cursor ends up in the action's text,
 * ready to write what is to be done.
 */
import type { NodeType } from "@tiptap/pm/model";
import { TextSelection, type Transaction } from "@tiptap/pm/state";

function findAction(tr: Transaction, type: NodeType, id: string): number | null {
  let found: number | null = null;
  tr.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type === type && node.attrs.id === id) found = pos;
    return node.isBlock && !node.isTextblock;
  });
  return found;
}

function putCursorIn(tr: Transaction, actionPos: number): true {
  tr.setSelection(TextSelection.create(tr.doc, actionPos + 1));
  tr.scrollIntoView();
  return true;
}

export function insertActionItem(tr: Transaction, type: NodeType, id: string): boolean {
  const action = type.create({ id });
  const { $from, $to } = tr.selection;
  const block = $from.parent;

  if ($from.depth > 0 && block.type.name === "paragraph" && block.textContent.trim() === "") {
    // The empty paragraph, with any list item (or list) that holds nothing else: a new bullet
    // typed as "/action" becomes the action, splitting the list there if need be.
    let depth = $from.depth;
    const container = $from.node(depth - 1);
    const index = $from.index(depth - 1);
    if (!container.canReplaceWith(index, index + 1, type)) {
      while (depth > 1 && $from.node(depth - 1).childCount === 1) depth--;
    }
    tr.replaceWith($from.before(depth), $from.after(depth), action);
    const at = findAction(tr, type, id);
    if (at !== null) return putCursorIn(tr, at);
    return false;
  }

  // After the top-level block, so an action never lands half-way through a list.
  const at = $to.depth === 0 ? $to.pos : $to.after(1);
  const $at = tr.doc.resolve(at);
  if (!$at.parent.canReplaceWith($at.index(), $at.index(), type)) return false;
  tr.insert(at, action);
  return putCursorIn(tr, at);
}

/** Enter at the end of an action: carry on writing in an ordinary paragraph below it. */
export function insertParagraphAfter(tr: Transaction, paragraph: NodeType): boolean {
  const at = tr.selection.$from.after();
  tr.insert(at, paragraph.create());
  tr.setSelection(TextSelection.create(tr.doc, at + 1));
  tr.scrollIntoView();
  return true;
}
