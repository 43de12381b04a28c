/**
 * Finding a comment's passage again by its words, when Yjs has lost it but the words are still
 * there: someone deleted them and then pressed Undo (Yjs brings the text back as new text, and
 * only the person who undid knows it is the same), or cut a paragraph and pasted it elsewhere.
 *
 * Only a quote that is whole (not shortened with "…"), long enough to mean something, and found
 * exactly once in one paragraph counts: a guess that might point at the wrong words is worse
 * than saying the passage has gone.
 */
import type { Node } from "@tiptap/pm/model";

export const shortestQuoteToSearch = 12;

/** One character per position, so an index into it is an offset into the block. */
const leafStandIn = "\ufffc";

export function findQuote(doc: Node, quote: string): { from: number; to: number } | null {
  if (quote.length < shortestQuoteToSearch || quote.endsWith("…")) return null;
  const found: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (found.length > 1) return false;
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, leafStandIn);
    for (let at = text.indexOf(quote); at >= 0 && found.length < 2; at = text.indexOf(quote, at + 1)) {
      found.push({ from: pos + 1 + at, to: pos + 1 + at + quote.length });
    }
    return false;
  });
  return found.length === 1 ? (found[0] ?? null) : null;
}
