/**
 * Reading a rich-text Yjs document as ProseMirror-style JSON (the shape Tiptap's getJSON()
 * gives), and finding an element by its `id` attribute — what the server needs to project
 * actions out of a document and to apply changes made outside the editor.
 */
import type { DocNode } from "@roundtable/domain";
import * as Y from "yjs";
import { richTextFragment } from "./rich-text.js";

function toJson(node: Y.XmlElement | Y.XmlText): DocNode[] {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .filter((d): d is { insert: string } => typeof d.insert === "string" && d.insert.length > 0)
      .map((d) => ({ type: "text", text: d.insert }));
  }
  const attrs = node.getAttributes() as Record<string, unknown>;
  const content = node.toArray().flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? toJson(child) : []));
  return [{ type: node.nodeName, ...(Object.keys(attrs).length > 0 ? { attrs } : {}), ...(content.length > 0 ? { content } : {}) }];
}

export function richTextToJson(doc: Y.Doc): DocNode {
  const content = richTextFragment(doc)
    .toArray()
    .flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? toJson(child) : []));
  return { type: "doc", content };
}

/** The first element with this node name whose `id` attribute is `id`, anywhere in the document. */
export function findElementById(doc: Y.Doc, nodeName: string, id: string): Y.XmlElement | null {
  const wanted = id.toLowerCase();
  for (const el of richTextFragment(doc).createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === nodeName)) {
    const value = (el as Y.XmlElement).getAttribute("id");
    if (typeof value === "string" && value.toLowerCase() === wanted) return el as Y.XmlElement;
  }
  return null;
}
