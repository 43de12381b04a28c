import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { agendaItems } from "./agenda-items";

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, string> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value);
  el.insert(0, children);
  return el;
}
const text = (words: string) => new Y.XmlText(words);
const paragraph = (words: string) => element("paragraph", words ? [text(words)] : []);
const heading = (words: string) => element("heading", [text(words)], { level: "2" });
const orderedList = (...items: Y.XmlElement[][]) => element("orderedList", items.map((children) => element("listItem", children)));

function minutes(...blocks: Y.XmlElement[]): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment("default");
  fragment.insert(0, blocks);
  return fragment;
}

describe("agendaItems", () => {
  it("reads the numbered list under the Agenda heading", () => {
    const fragment = minutes(
      heading("Notes"),
      orderedList([paragraph("Not the agenda")]),
      heading("Agenda"),
      orderedList([paragraph("Welcome and apologies")], [paragraph("Review: Aisha Reid")]),
    );
    expect(agendaItems(fragment)).toEqual(["Welcome and apologies", "Review: Aisha Reid"]);
  });

  it("uses the first numbered list when there is no Agenda heading", () => {
    const fragment = minutes(heading("What we will talk about"), orderedList([paragraph("Welcome")]));
    expect(agendaItems(fragment)).toEqual(["Welcome"]);
  });

  it("ignores formatting and lists nested inside an item, and keeps empty items in place", () => {
    const bold = text("Actions");
    bold.format(0, 7, { bold: true });
    const item = [element("paragraph", [bold, text(" from last time")]), element("bulletList", [element("listItem", [paragraph("nested")])])];
    const fragment = minutes(heading("Agenda"), orderedList(item, [paragraph("")], [paragraph("Any other business")]));
    expect(agendaItems(fragment)).toEqual(["Actions from last time", "", "Any other business"]);
  });

  it("is empty when the minutes have no numbered list", () => {
    expect(agendaItems(minutes(heading("Agenda"), paragraph("To follow")))).toEqual([]);
  });
});
