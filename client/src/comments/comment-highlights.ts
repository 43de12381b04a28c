/**
 * Open comments' passages, highlighted in the editor. The comments panel hands the plugin the
 * passages (a meta transaction); the plugin finds each in the document through Yjs, and again
 * whenever a change arrives from someone else. A change made here moves the highlights along
 * with the text, as ProseMirror maps any decoration. A passage Yjs has lost is looked for by
 * its words before it is called removed (see quote-search.ts).
 *
 * Clicking highlighted words makes that comment the active one; so does "Show" in the panel.
 */
import type { CommentAnchor } from "@roundtable/domain";
import { Extension } from "@tiptap/core";
import type { Node } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { type PassagePlace, placeOfAnchor, type YBinding, yBindingOf } from "./comment-anchor";
import { findQuote } from "./quote-search";

export interface CommentPassage {
  commentId: string;
  anchor: CommentAnchor;
  /** The passage's words when the comment was made. */
  quote: string | null;
}

interface HighlightState {
  passages: readonly CommentPassage[];
  places: ReadonlyMap<string, PassagePlace>;
  activeId: string | null;
  decorations: DecorationSet;
}

type HighlightMeta = { passages: readonly CommentPassage[] } | { activeId: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

function decorate(doc: Node, places: ReadonlyMap<string, PassagePlace>, activeId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [commentId, place] of places) {
    if (place.status !== "found") continue;
    const active = commentId === activeId;
    decorations.push(
      Decoration.inline(
        place.from,
        place.to,
        { class: active ? "rt-comment-highlight rt-comment-highlight--active" : "rt-comment-highlight", "data-comment-id": commentId },
        { commentId },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Every passage, found through Yjs. The binding is read from the state before the transaction:
 * it is the same object throughout, and the sync plugin's state in the new one may not be
 * filled in yet while this plugin's state is worked out.
 */
function findAll(before: EditorState, doc: Node, passages: readonly CommentPassage[]): Map<string, PassagePlace> {
  const binding = yBindingOf(before);
  const places = new Map<string, PassagePlace>();
  for (const passage of passages) places.set(passage.commentId, binding ? find(binding, doc, passage) : { status: "waiting" });
  return places;
}

function find(binding: YBinding, doc: Node, { anchor, quote }: CommentPassage): PassagePlace {
  const place = placeOfAnchor(binding, anchor, doc.content.size);
  if (place.status !== "removed" || !quote) return place;
  const again = findQuote(doc, quote);
  return again ? { status: "found", ...again } : place;
}

/** After a change made here: each passage moves with its words, and is gone if they are. */
function mapAll(places: ReadonlyMap<string, PassagePlace>, tr: Transaction): Map<string, PassagePlace> {
  const mapped = new Map<string, PassagePlace>();
  for (const [commentId, place] of places) {
    if (place.status !== "found") {
      mapped.set(commentId, place);
      continue;
    }
    const from = tr.mapping.map(place.from, 1);
    const to = tr.mapping.map(place.to, -1);
    mapped.set(commentId, from < to ? { status: "found", from, to } : { status: "removed" });
  }
  return mapped;
}

function withPlaces(state: HighlightState, doc: Node, places: ReadonlyMap<string, PassagePlace>, activeId = state.activeId): HighlightState {
  return { ...state, places, activeId, decorations: decorate(doc, places, activeId) };
}

/** The comment whose passage holds this position (the shortest, when passages overlap). */
function commentAt(places: ReadonlyMap<string, PassagePlace>, pos: number): string | null {
  let best: { commentId: string; length: number } | null = null;
  for (const [commentId, place] of places) {
    if (place.status !== "found" || pos < place.from || pos > place.to) continue;
    const length = place.to - place.from;
    if (!best || length < best.length) best = { commentId, length };
  }
  return best?.commentId ?? null;
}

export const CommentHighlights = Extension.create({
  name: "commentHighlights",
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ passages: [], places: new Map(), activeId: null, decorations: DecorationSet.empty }),
          apply(tr, value, oldState, newState) {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            if (meta && "passages" in meta) {
              const next = { ...value, passages: meta.passages };
              return withPlaces(next, newState.doc, findAll(oldState, newState.doc, meta.passages));
            }
            // A change from someone else (or the whole document re-read): Yjs knows where the words went.
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
            if (sync?.isChangeOrigin) return withPlaces(value, newState.doc, findAll(oldState, newState.doc, value.passages));
            const places = tr.docChanged ? mapAll(value.places, tr) : value.places;
            if (meta && "activeId" in meta) return withPlaces(value, newState.doc, places, meta.activeId);
            return tr.docChanged ? withPlaces(value, newState.doc, places) : value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const state = commentHighlightsKey.getState(view.state);
            if (!state) return false;
            const commentId = commentAt(state.places, pos);
            if (commentId !== state.activeId) view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { activeId: commentId }));
            // Let the click place the caret as usual.
            return false;
          },
        },
      }),
    ];
  },
});

/** Tell the editor which passages to highlight (the open comments'). */
export function setCommentPassages(state: EditorState, dispatch: (tr: Transaction) => void, passages: readonly CommentPassage[]): void {
  dispatch(state.tr.setMeta(commentHighlightsKey, { passages }));
}

/** Where each comment's passage is now, and which comment is active. */
export function commentPlaces(state: EditorState): { places: ReadonlyMap<string, PassagePlace>; activeId: string | null } {
  const plugin = commentHighlightsKey.getState(state);
  return { places: plugin?.places ?? new Map(), activeId: plugin?.activeId ?? null };
}

/**
 * Select a comment's passage, scrolled into view, and make the comment the active one. Returns
 * false when the passage cannot be shown (its words were deleted, or have not arrived yet).
 */
export function showCommentPassage(state: EditorState, dispatch: (tr: Transaction) => void, commentId: string): boolean {
  const place = commentHighlightsKey.getState(state)?.places.get(commentId);
  if (place?.status !== "found") return false;
  // The head at the start, so scrolling brings the passage's beginning into view.
  const selection = TextSelection.create(state.doc, place.to, place.from);
  dispatch(state.tr.setSelection(selection).setMeta(commentHighlightsKey, { activeId: commentId }).scrollIntoView());
  return true;
}
