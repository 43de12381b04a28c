/** The action block with its card on screen: what the care plan editor registers. */
import { ReactNodeViewRenderer } from "@tiptap/react";
import { ActionItemNode } from "./action-item-node";
import { ActionItemView } from "./ActionItemView";
import "./action-item.css";

export const ActionItem = ActionItemNode.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ActionItemView);
  },
});
