/**
 * Reading a rich-text Yjs document as ProseMirror-style JSON (the shape Tiptap's getJSON()
 * gives), and finding an element by its `id` attribute — what the server needs to project
 * actions out of a document and to apply changes made outside the editor.
 */
import type { DocNode } from "@roundtable/domain";
import * as Y from "yjs";
import { richTextFragment } from "./rich-text.js";

/** A Yjs element or text as the nodes it becomes, without the element's children. */
function nodeOf(node: Y.XmlElement | Y.XmlText): DocNode[] {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[])
      .filter((d): d is { insert: string } => typeof d.insert === "string" && d.insert.length > 0)
      .map((d) => ({ type: "text", text: d.insert }));
  }
  const attrs = node.getAttributes() as Record<string, unknown>;
  return [{ type: node.nodeName, ...(Object.keys(attrs).length > 0 ? { attrs } : {}) }];
}

function childrenOf(node: Y.XmlFragment | Y.XmlElement): (Y.XmlElement | Y.XmlText)[] {
  return node.toArray().filter((child) => child instanceof Y.XmlElement || child instanceof Y.XmlText);
}

/**
 * Iterative, not recursive: a document nested thousands of levels deep (stored before the
 * server refused such updates) must still read, project and export without exhausting the stack.
 */
export function richTextToJson(doc: Y.Doc): DocNode {
  const root: DocNode = { type: "doc", content: [] };
  const stack: { source: Y.XmlFragment | Y.XmlElement; target: DocNode }[] = [{ source: richTextFragment(doc), target: root }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    for (const child of childrenOf(next.source)) {
      for (const node of nodeOf(child)) {
        // An element with no children has no `content`, as Tiptap's getJSON() gives it.
        next.target.content ??= [];
        next.target.content.push(node);
        if (child instanceof Y.XmlElement) stack.push({ source: child, target: node });
      }
    }
  }
  return root;
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
