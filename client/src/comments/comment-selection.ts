/**
 * The passage a new comment is about: what is selected in the editor, as an anchor and a quote.
 *
 * ProseMirror keeps its selection up to date from the page's even when the editor is read-only
 * (people who may only comment), but if it has not caught up, the page's own selection inside
 * the editor is read instead.
 */
import type { CommentAnchor } from "@roundtable/domain";
import type { Editor } from "@tiptap/core";
import type { EditorView } from "@tiptap/pm/view";
import { anchorForRange, yBindingOf } from "./comment-anchor";
import { quoteOf } from "./comment-quote";

export interface SelectedPassage {
  anchor: CommentAnchor;
  quote: string;
}

function selectionOnPage(view: EditorView): { from: number; to: number } | null {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!view.dom.contains(range.startContainer) || !view.dom.contains(range.endContainer)) return null;
  try {
    const start = view.posAtDOM(range.startContainer, range.startOffset);
    const end = view.posAtDOM(range.endContainer, range.endOffset);
    return { from: Math.min(start, end), to: Math.max(start, end) };
  } catch {
    return null;
  }
}

/** The selected passage, or null when nothing is selected (a comment on the whole document). */
export function selectedPassage(editor: Editor): SelectedPassage | null {
  if (editor.isDestroyed) return null;
  const { state, view } = editor;
  let { from, to } = state.selection;
  if (from === to) ({ from, to } = selectionOnPage(view) ?? { from, to });
  if (from === to) return null;
  const quote = quoteOf(state.doc.textBetween(from, to, " ", " "));
  const binding = yBindingOf(state);
  if (quote.length === 0 || !binding) return null;
  try {
    return { anchor: anchorForRange(binding, from, to), quote };
  } catch {
    // y-tiptap throws on a structure it does not expect: comment on the whole document instead.
    return null;
  }
}
