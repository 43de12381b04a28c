import { maxNestingDepth } from "@roundtable/domain";
import { getSchema } from "@tiptap/core";
import type { Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { StarterKit } from "@tiptap/starter-kit";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { nestingDepth, nestingLimitPlugin } from "./nesting-limit";

const schema: Schema = getSchema([StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } })]);

/** A paragraph of text inside `quotes` blockquotes, built from the inside out. */
function quotedDoc(quotes: number): ProseMirrorNode {
  let node = schema.nodes.paragraph!.create(null, schema.text("Deep inside"));
  for (let i = 0; i < quotes; i++) node = schema.nodes.blockquote!.create(null, node);
  return schema.nodes.doc!.create(null, node);
}

/** Wrap the innermost paragraph in one more blockquote, as the toolbar's quote button does. */
function quoteOnceMore(state: EditorState) {
  let paragraphAt = 0;
  state.doc.descendants((node, pos) => {
    if (node.type.name === "paragraph") paragraphAt = pos;
  });
  const $from = state.doc.resolve(paragraphAt + 1);
  const range = $from.blockRange()!;
  return state.tr.wrap(range, [{ type: schema.nodes.blockquote! }]);
}

describe("the editor's nesting limit", () => {
  it("counts depth as the server does: a top block is 1, its text 2", () => {
    expect(nestingDepth(quotedDoc(0))).toBe(2);
    expect(nestingDepth(quotedDoc(3))).toBe(5);
  });

  it("refuses a change that nests deeper than the server allows, and allows one that does not", () => {
    // Quotes, a paragraph and its text exactly at the limit.
    const atLimit = EditorState.create({ schema, doc: quotedDoc(maxNestingDepth - 2), plugins: [nestingLimitPlugin(maxNestingDepth)] });
    const refused = atLimit.applyTransaction(quoteOnceMore(atLimit));
    expect(refused.state.doc.eq(atLimit.doc)).toBe(true);

    const belowLimit = EditorState.create({ schema, doc: quotedDoc(maxNestingDepth - 3), plugins: [nestingLimitPlugin(maxNestingDepth)] });
    const allowed = belowLimit.applyTransaction(quoteOnceMore(belowLimit));
    expect(nestingDepth(allowed.state.doc)).toBe(maxNestingDepth);
  });

  it("never refuses what arrives from others through Yjs: the server checked it", () => {
    const state = EditorState.create({ schema, doc: quotedDoc(maxNestingDepth - 2), plugins: [nestingLimitPlugin(maxNestingDepth)] });
    const remote = quoteOnceMore(state).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    expect(nestingDepth(state.applyTransaction(remote).state.doc)).toBe(maxNestingDepth + 1);
  });

  it("measures a document nested 20,000 deep without running out of stack", () => {
    expect(nestingDepth(quotedDoc(20_000), maxNestingDepth)).toBe(maxNestingDepth + 1);
    expect(nestingDepth(quotedDoc(20_000))).toBe(20_002);
  });
});
