import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { assertNestingWithin, measuredWith } from "./nesting-depth.js";
import { closeCodes, ProtocolError } from "./protocol.js";

/**
 * `levels` nested blockquotes holding a paragraph of text, inside `into` (or at the top), built
 * top-down, one level at a time: Yjs integrates a prebuilt deep tree recursively.
 */
function nestQuotes(into: Y.XmlFragment | Y.XmlElement, levels: number): Y.XmlElement {
  const doc = into.doc!;
  let innermost: Y.XmlElement | null = null;
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = into;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement("blockquote");
      parent.insert(parent.length, [quote]);
      parent = quote;
    }
    const p = new Y.XmlElement("paragraph");
    parent.insert(parent.length, [p]);
    p.insert(0, [new Y.XmlText("deep")]);
    innermost = parent as Y.XmlElement;
  });
  return innermost!;
}

/** The update a change makes to `doc`. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const listen = (u: Uint8Array) => {
    captured = u;
  };
  doc.on("update", listen);
  change();
  doc.off("update", listen);
  if (!captured) throw new Error("no update");
  return captured;
}

function check(update: Uint8Array, server: Y.Doc, limit: number): void {
  assertNestingWithin(Y.decodeUpdate(update).structs, server, limit);
}

function refusal(fn: () => void): ProtocolError | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof ProtocolError) return err;
    throw err;
  }
}

describe("assertNestingWithin", () => {
  it("counts depth as ProseMirror does: a top block is 1, its text 2", () => {
    const doc = new Y.Doc();
    const update = updateOf(doc, () => nestQuotes(doc.getXmlFragment("default"), 2)); // quote > quote > p > text: 4
    expect(() => check(update, new Y.Doc(), 4)).not.toThrow();
    expect(refusal(() => check(update, new Y.Doc(), 3))?.closeCode).toBe(closeCodes.nestedTooDeep);
  });

  it("measures new content through parents the server already has", () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    let deepest: Y.XmlElement | null = null;
    const first = updateOf(client, () => {
      deepest = nestQuotes(client.getXmlFragment("default"), 20);
    });
    check(first, server, 32);
    Y.applyUpdate(server, first);
    // Twenty more levels inside the innermost quote: fine alone, too deep where it lands.
    const second = updateOf(client, () => nestQuotes(deepest!, 20));
    expect(refusal(() => check(second, server, 32))?.closeCode).toBe(closeCodes.nestedTooDeep);
    expect(() => check(second, server, 64)).not.toThrow();
  });

  it("follows siblings to their parent when an item names only its neighbour", () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    let quote: Y.XmlElement | null = null;
    const first = updateOf(client, () => {
      quote = nestQuotes(client.getXmlFragment("default"), 30);
    });
    Y.applyUpdate(server, first);
    // A second block after the quote's first child is placed by its left neighbour only.
    const second = updateOf(client, () => nestQuotes(quote!, 2));
    expect(refusal(() => check(second, server, 32))?.closeCode).toBe(closeCodes.nestedTooDeep);
  });

  it("refuses 20,000 nested quotes quickly, without running out of stack", () => {
    const doc = new Y.Doc();
    const update = updateOf(doc, () => nestQuotes(doc.getXmlFragment("default"), 20_000));
    expect(update.byteLength).toBeGreaterThan(100_000);
    expect(refusal(() => check(update, new Y.Doc(), 32))?.message).toMatch(/nested more than 32 levels/);
  });

  it("lets ordinary typing and lists through", () => {
    const doc = new Y.Doc();
    const text = new Y.XmlText();
    const update = updateOf(doc, () => {
      const list = new Y.XmlElement("bulletList");
      const item = new Y.XmlElement("listItem");
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [text]);
      item.insert(0, [p]);
      list.insert(0, [item]);
      doc.getXmlFragment("default").insert(0, [list]);
    });
    const server = new Y.Doc();
    check(update, server, 4);
    Y.applyUpdate(server, update);
    for (let i = 0; i < 50; i++) check(updateOf(doc, () => text.insert(i, "x")), server, 4);
  });
});

describe("measuredWith", () => {
  /** A server holding back one quote, written by client 2 inside client 1's quote, which it lacks. */
  function serverHoldingBack(): { server: Y.Doc; missingParent: Uint8Array } {
    const source = new Y.Doc();
    source.clientID = 1;
    const outer = new Y.XmlElement("blockquote");
    const missingParent = updateOf(source, () => source.getXmlFragment("default").insert(0, [outer]));
    source.clientID = 2;
    const inner = updateOf(source, () => outer.insert(0, [new Y.XmlElement("blockquote")]));
    const server = new Y.Doc();
    Y.applyUpdate(server, inner);
    expect(server.store.pendingStructs).not.toBeNull();
    return { server, missingParent };
  }

  it("measures an update alone when nothing is held back, or it releases nothing held back", () => {
    const editor = new Y.Doc();
    editor.clientID = 3;
    const edit = updateOf(editor, () => editor.getText("t").insert(0, "hello"));
    const structs = Y.decodeUpdate(edit).structs;
    expect(measuredWith(structs, edit, new Y.Doc())).toBe(structs);
    expect(measuredWith(structs, edit, serverHoldingBack().server)).toBe(structs);
  });

  it("measures an update that may release held-back items together with them", () => {
    const { server, missingParent } = serverHoldingBack();
    const structs = Y.decodeUpdate(missingParent).structs;
    const measured = measuredWith(structs, missingParent, server);
    expect(measured.map((s) => s.id.client).sort()).toEqual([1, 2]);
    expect(() => assertNestingWithin(measured, server, 2)).not.toThrow();
    expect(refusal(() => assertNestingWithin(measured, server, 1))?.closeCode).toBe(closeCodes.nestedTooDeep);
    expect(() => check(missingParent, server, 1)).not.toThrow(); // alone, it looks shallow
  });
});
