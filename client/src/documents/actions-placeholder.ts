/**
 * What to type in the empty paragraph under a minutes "Actions" heading — "Type /action to add
 * an action…" — shown as a placeholder: a decoration drawn by the editor, never stored in the
 * shared document, so it is in no PDF, export or other person's copy. Shown only to people
 * who may write the minutes; CSS draws it from `data-placeholder`.
 */
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

export const actionsPlaceholderText = "Type /action to add an action with an owner and a due date";

/** The positions of empty paragraphs straight after a heading that says "Actions". */
export function actionsPlaceholderPositions(doc: PmNode): { from: number; to: number }[] {
  const found: { from: number; to: number }[] = [];
  let previous: PmNode | null = null;
  doc.forEach((node, offset) => {
    if (node.type.name === "paragraph" && node.content.size === 0 && previous?.type.name === "heading" && previous.textContent.trim() === "Actions") {
      found.push({ from: offset, to: offset + node.nodeSize });
    }
    previous = node;
  });
  return found;
}

export const ActionsPlaceholder = Extension.create({
  name: "actionsPlaceholder",
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("actionsPlaceholder"),
        props: {
          decorations: (state) => {
            if (!editor.isEditable) return DecorationSet.empty;
            const decorations = actionsPlaceholderPositions(state.doc).map(({ from, to }) =>
              Decoration.node(from, to, { class: "rt-placeholder", "data-placeholder": actionsPlaceholderText }),
            );
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
