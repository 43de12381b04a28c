/**
 * The rich-text document model shared by the care plan and minutes: Tiptap (ProseMirror)
 * content in the Y.XmlFragment Tiptap's Collaboration extension binds to ("default").
 * Element names and attributes match the editor's schema, so content written here on the
 * server is exactly what the editor would have written.
 */
import * as Y from "yjs";

export const richTextField = "default";

export function richTextFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(richTextField);
}

export function heading(text: string, level = 2): Y.XmlElement {
  const el = new Y.XmlElement("heading");
  el.setAttribute("level", level as unknown as string); // y-prosemirror stores attrs as-is; Yjs types them as strings
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

export function paragraph(text: string): Y.XmlElement {
  const el = new Y.XmlElement("paragraph");
  if (text.length > 0) el.insert(0, [new Y.XmlText(text)]);
  return el;
}

export function bulletList(items: readonly string[]): Y.XmlElement {
  return list("bulletList", items);
}

export function orderedList(items: readonly string[]): Y.XmlElement {
  return list("orderedList", items);
}

function list(kind: "bulletList" | "orderedList", items: readonly string[]): Y.XmlElement {
  const list = new Y.XmlElement(kind);
  list.insert(
    0,
    items.map((item) => {
      const li = new Y.XmlElement("listItem");
      li.insert(0, [paragraph(item)]);
      return li;
    }),
  );
  return list;
}

/** An action item, as the editor writes it: the node's text is what is to be done. */
export function actionItem(text: string, attrs: Record<string, string>): Y.XmlElement {
  const el = new Y.XmlElement("actionItem");
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

/** The document's text, one block per line; for tests, previews and search. Iterative, so depth cannot exhaust the stack. */
export function richTextToPlainText(doc: Y.Doc): string {
  const lines: string[] = [];
  const stack: (Y.XmlElement | Y.XmlText | Y.XmlFragment)[] = [richTextFragment(doc)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node instanceof Y.XmlText) {
      lines.push(node.toString().replace(/<[^>]+>/g, ""));
      continue;
    }
    const children = node.toArray().filter((c) => c instanceof Y.XmlElement || c instanceof Y.XmlText);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return lines.join("\n");
}

/** A rich-text document holding these blocks, as one Yjs update (for seeding and templates). */
export function newRichTextState(blocks: readonly Y.XmlElement[]): Uint8Array {
  const doc = new Y.Doc();
  richTextFragment(doc).insert(0, [...blocks]);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
