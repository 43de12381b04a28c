/**
 * Commenting on a section by keyboard alone. Selecting words needs a pointer or a caret, and a
 * reader who may only comment has no caret in the document; so the form for a new comment also
 * offers the document's sections by their headings, and a comment about one is anchored to its
 * heading, as if the heading had been selected.
 */
import type { Node } from "@tiptap/pm/model";
import { anchorForRange, type YBinding } from "./comment-anchor";
import type { SelectedPassage } from "./comment-selection";
import { quoteOf } from "./comment-quote";

export interface DocumentSection {
  heading: string;
  /** Editor positions of the heading's words. */
  from: number;
  to: number;
}

/** The document's headings that have words, in order. */
export function sectionsOf(doc: Node): DocumentSection[] {
  const sections: DocumentSection[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== "heading") return true;
    const heading = node.textContent.replace(/\s+/g, " ").trim();
    if (heading.length > 0) sections.push({ heading, from: pos + 1, to: pos + node.nodeSize - 1 });
    return false;
  });
  return sections;
}

/** A comment's passage for one section: its heading's words. Null when the heading cannot be anchored. */
export function passageForSection(binding: YBinding, section: DocumentSection): SelectedPassage | null {
  try {
    return { anchor: anchorForRange(binding, section.from, section.to), quote: quoteOf(section.heading) };
  } catch {
    return null;
  }
}
