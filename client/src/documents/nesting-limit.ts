/**
 * Keeps the editor from nesting content deeper than the server accepts (maxNestingDepth, shared
 * from packages/domain): StarterKit lets quotes and lists nest without end, and a change the
 * server refuses would close the connection. A change of this person's that would go deeper is
 * simply not made, as when a list cannot be indented further. Changes that arrive from others
 * through Yjs are never refused here: the server has already checked them.
 */
import { maxNestingDepth } from "@roundtable/domain";
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * How deep a document's content goes, counted as the server counts it: a block at the top is at
 * depth 1, its text at depth 2. Iterative, and stops as soon as it passes `limit`.
 */
export function nestingDepth(doc: ProseMirrorNode, limit = Infinity): number {
  let deepest = 0;
  const stack: [ProseMirrorNode, number][] = [];
  doc.forEach((child) => {
    stack.push([child, 1]);
  });
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    node.forEach((child) => {
      stack.push([child, depth + 1]);
    });
  }
  return deepest;
}

/** Refuses this person's changes that would nest deeper than `maxDepth`. */
export function nestingLimitPlugin(maxDepth: number): Plugin {
  return new Plugin({
    key: new PluginKey("nestingLimit"),
    filterTransaction: (tr) => !tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined || nestingDepth(tr.doc, maxDepth) <= maxDepth,
  });
}

export const NestingLimit = Extension.create<{ maxDepth: number }>({
  name: "nestingLimit",
  addOptions() {
    return { maxDepth: maxNestingDepth };
  },
  addProseMirrorPlugins() {
    return [nestingLimitPlugin(this.options.maxDepth)];
  },
});
