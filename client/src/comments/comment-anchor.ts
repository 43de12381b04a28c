/**
 * Where a comment's passage is: the editor's positions turned into Yjs relative positions (which
 * keep pointing at the same words however the text around them changes) and back again.
 *
 * y-tiptap's binding knows how Yjs types map onto the editor's nodes. Both ends stick to the
 * passage's own characters: the start to its first character, the end to its last, so words
 * typed just before or just after the passage are not taken into it, and deleting all its words
 * leaves nothing between the two ends.
 */
import type { CommentAnchor, RelativePositionJson } from "@roundtable/domain";
import type { EditorState } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";

type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** What ties editor positions to the Yjs document. */
export interface YBinding {
  doc: Y.Doc;
  /** The shared fragment the editor shows. */
  type: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** The editor's binding, from y-tiptap's sync plugin, or null when the editor has none. */
export function yBindingOf(state: EditorState): YBinding | null {
  // The plugin's state is untyped (`any`) in y-tiptap; these are the fields it documents.
  const sync = ySyncPluginKey.getState(state) as
    | { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping?: ProsemirrorMapping } }
    | undefined;
  if (!sync?.doc || !sync.type || !sync.binding?.mapping) return null;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

function toJson(position: Y.RelativePosition): RelativePositionJson {
  const json: RelativePositionJson = {};
  if (position.type) json.type = { client: position.type.client, clock: position.type.clock };
  if (position.tname) json.tname = position.tname;
  if (position.item) json.item = { client: position.item.client, clock: position.item.clock };
  json.assoc = position.assoc;
  return json;
}

/** The start of a passage, tied to the character after it (its first) when there is one. */
function startPosition(binding: YBinding, pos: number): Y.RelativePosition {
  const position = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition;
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (absolute && absolute.type instanceof Y.XmlText && absolute.index < absolute.type.length) {
    return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
  }
  return position;
}

/** The passage from `from` to `to` (editor positions), as the comment API stores it. */
export function anchorForRange(binding: YBinding, from: number, to: number): CommentAnchor {
  // y-tiptap ties a position to the character before it: right for the end of a passage.
  const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping) as Y.RelativePosition;
  return { from: toJson(startPosition(binding, from)), to: toJson(end) };
}

export type PassagePlace =
  /** The passage is in the document, here. */
  | { status: "found"; from: number; to: number }
  /** Its words have all been deleted. */
  | { status: "removed" }
  /** It refers to changes this device has not received yet. */
  | { status: "waiting" };

function notYetReceived(doc: Y.Doc, json: RelativePositionJson): boolean {
  const ids = [json.item, json.type].filter((id): id is { client: number; clock: number } => id != null);
  return ids.some((id) => Y.getState(doc.store, id.client) <= id.clock);
}

function absoluteOf(binding: YBinding, json: RelativePositionJson): number | null {
  const position = Y.createRelativePositionFromJSON(json);
  const found = relativePositionToAbsolutePosition(binding.doc, binding.type, position, binding.mapping);
  if (found !== null) return found;
  // y-tiptap refuses any text position tied to a character that ends up at the very start of
  // the document (its guard against blocks dragged out from under a cursor), so a passage that
  // begins with the document's first word would be lost. Ask again by the text's own index.
  const decoded = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (!decoded || !(decoded.type instanceof Y.XmlText) || decoded.index !== 0) return null;
  const atStart = Y.createRelativePositionFromTypeIndex(decoded.type, 0, -1);
  return relativePositionToAbsolutePosition(binding.doc, binding.type, atStart, binding.mapping);
}

/** Where the passage is now, in editor positions, given the document's size in the editor. */
export function placeOfAnchor(binding: YBinding, anchor: CommentAnchor, docSize: number): PassagePlace {
  if (notYetReceived(binding.doc, anchor.from) || notYetReceived(binding.doc, anchor.to)) return { status: "waiting" };
  let from: number | null;
  let to: number | null;
  try {
    from = absoluteOf(binding, anchor.from);
    to = absoluteOf(binding, anchor.to);
  } catch {
    // y-tiptap throws on structures it does not expect; the passage cannot be shown then.
    return { status: "removed" };
  }
  if (from === null || to === null || from >= to || from < 0 || to > docSize) return { status: "removed" };
  return { status: "found", from, to };
}
