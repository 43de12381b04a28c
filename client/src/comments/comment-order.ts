/**
 * How the comments panel lists conversations: open ones first, in the order their passages come
 * in the document (comments on the whole document before them, and any whose passage cannot be
 * shown after them); then resolved ones, the most recently resolved first.
 */
import type { DocumentComment } from "@roundtable/domain";
import type { PassagePlace } from "./comment-anchor";

export interface ArrangedComments {
  open: DocumentComment[];
  resolved: DocumentComment[];
}

/** Ids of the passages found in the document, from its beginning to its end. */
export function passagesInDocumentOrder(places: ReadonlyMap<string, PassagePlace>): string[] {
  const found: { commentId: string; from: number; to: number }[] = [];
  for (const [commentId, place] of places) {
    if (place.status === "found") found.push({ commentId, from: place.from, to: place.to });
  }
  return found.sort((a, b) => a.from - b.from || a.to - b.to).map((p) => p.commentId);
}

function byCreated(a: DocumentComment, b: DocumentComment): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

export function arrangeComments(comments: readonly DocumentComment[], documentOrder: readonly string[]): ArrangedComments {
  const position = new Map(documentOrder.map((id, index) => [id, index]));
  const rank = (c: DocumentComment) => (c.anchor === null ? 0 : position.has(c.id) ? 1 : 2);
  const open = comments
    .filter((c) => c.resolved === null)
    .sort((a, b) => rank(a) - rank(b) || (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0) || byCreated(a, b));
  const resolved = comments
    .filter((c) => c.resolved !== null)
    .sort((a, b) => (b.resolved?.at ?? "").localeCompare(a.resolved?.at ?? "") || byCreated(a, b));
  return { open, resolved };
}

/** The list with this conversation in it: replacing its old self, or added at the end. */
export function withComment(comments: readonly DocumentComment[], comment: DocumentComment): DocumentComment[] {
  const at = comments.findIndex((c) => c.id === comment.id);
  if (at < 0) return [...comments, comment];
  return comments.map((c, index) => (index === at ? comment : c));
}
