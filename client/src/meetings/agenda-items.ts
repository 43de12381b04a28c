/**
 * The agenda is written in the minutes: the first numbered list under the "Agenda" heading
 * (or, if someone has renamed that heading, the first numbered list at all). Read straight from
 * the shared Yjs document, so it is the same for everyone and changes as the chair edits it.
 */
import * as Y from "yjs";

type Block = Y.XmlElement | Y.XmlText | Y.XmlHook;

/** The words in a block, without formatting. */
export function textOf(node: Block | Y.XmlFragment): string {
  if (node instanceof Y.XmlText) {
    return node
      .toDelta()
      .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
      .join("");
  }
  if (node instanceof Y.XmlHook) return "";
  return node
    .toArray()
    .map((child) => textOf(child))
    .join("");
}

function isElement(node: Block, name: string): node is Y.XmlElement {
  return node instanceof Y.XmlElement && node.nodeName === name;
}

/** An item's own words: its first paragraph, not any list nested inside it. */
function itemText(item: Y.XmlElement): string {
  const first = item.toArray().find((child) => isElement(child, "paragraph"));
  return (first ? textOf(first) : textOf(item)).replace(/\s+/g, " ").trim();
}

export function agendaList(fragment: Y.XmlFragment): Y.XmlElement | null {
  const blocks = fragment.toArray();
  const agendaHeading = blocks.findIndex((b) => isElement(b, "heading") && textOf(b).trim().toLowerCase() === "agenda");
  const afterHeading = agendaHeading === -1 ? null : blocks.slice(agendaHeading + 1).find((b) => isElement(b, "orderedList"));
  const list = afterHeading ?? blocks.find((b) => isElement(b, "orderedList"));
  return list instanceof Y.XmlElement ? list : null;
}

/** The agenda items in order; an item with no words yet is still counted, so numbers stay right. */
export function agendaItems(fragment: Y.XmlFragment): string[] {
  const list = agendaList(fragment);
  if (!list) return [];
  return list
    .toArray()
    .filter((child): child is Y.XmlElement => isElement(child, "listItem"))
    .map(itemText);
}
