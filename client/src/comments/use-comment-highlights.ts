/**
 * The comments panel's link to the editor: hands it the open comments' passages to highlight,
 * and reads back what the panel shows about them (their order in the document, which can no
 * longer be found, which one is active). Re-renders only when one of those changes, not on
 * every keystroke.
 */
import type { DocumentComment } from "@roundtable/domain";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useEffect, useMemo } from "react";
import { type CommentPassage, commentPlaces, setCommentPassages } from "./comment-highlights";
import { passagesInDocumentOrder } from "./comment-order";

export interface PassagesOnScreen {
  /** Ids of comments whose passages are in the document, in document order. */
  documentOrder: string[];
  /** Ids of comments whose passages have been deleted. */
  removed: string[];
  /** Ids of every comment the editor has looked for, found or not. */
  lookedFor: string[];
  activeId: string | null;
}

const nothingYet: PassagesOnScreen = { documentOrder: [], removed: [], lookedFor: [], activeId: null };

export function useCommentHighlights(editor: Editor | null, openComments: readonly DocumentComment[]): PassagesOnScreen {
  // A stable key, so re-reading the same comments does not make the editor look for them again.
  const passagesKey = openComments.map((c) => (c.anchor ? `${c.id}:${JSON.stringify(c.anchor)}:${c.quote}` : "")).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when the passages themselves change
  const passages = useMemo<CommentPassage[]>(
    () => openComments.flatMap((c) => (c.anchor ? [{ commentId: c.id, anchor: c.anchor, quote: c.quote }] : [])),
    [passagesKey],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    setCommentPassages(editor.state, (tr) => editor.view.dispatch(tr), passages);
  }, [editor, passages]);

  const onScreen = useEditorState({
    editor,
    selector: ({ editor: current }): PassagesOnScreen => {
      if (!current || current.isDestroyed) return nothingYet;
      const { places, activeId } = commentPlaces(current.state);
      const removed = [...places].filter(([, place]) => place.status === "removed").map(([id]) => id);
      return { documentOrder: passagesInDocumentOrder(places), removed, lookedFor: [...places.keys()], activeId };
    },
  });
  return onScreen ?? nothingYet;
}
