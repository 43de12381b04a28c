/**
 * The `actionItem` block: its text is what is to be done, its attributes say who does it, by
 * when, and where it has got to. Collaboration stores it in Yjs as an XmlElement with the same
 * attributes (an attribute that is null is left off, and the server reads it back as null).
 * This is the schema and editing behaviour; action-item-extension.ts adds the card on screen.
 */
import { actionNodeName, actionStatuses, type ActionStatus } from "@roundtable/domain";
import { InputRule, mergeAttributes, Node } from "@tiptap/core";
import { newActionId, uniqueActionIds } from "./action-ids";
import { insertActionItem, insertParagraphAfter } from "./action-insert";
import { findActionTrigger, matchActionTriggerOnSpace } from "./action-trigger";

export interface ActionItemAttributes {
  id: string | null;
  ownerId: string | null;
  ownerAgencyId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  /** What is holding it up, while it is blocked. */
  blockedReason: string | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    actionItem: {
      /** Add an action at the cursor (or turn the empty paragraph there into one). */
      addActionItem: () => ReturnType;
    };
  }
}

/** An attribute kept in the HTML as `data-…`, left off when null. */
function optionalText(name: keyof ActionItemAttributes, dataName: string) {
  return {
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(dataName) || null,
    renderHTML: (attributes: Record<string, unknown>) => {
      const value = attributes[name];
      return typeof value === "string" && value.length > 0 ? { [dataName]: value } : {};
    },
  };
}

export function readStatus(value: unknown): ActionStatus {
  return (actionStatuses as readonly unknown[]).includes(value) ? (value as ActionStatus) : "open";
}

export const ActionItemNode = Node.create({
  name: actionNodeName,
  group: "block",
  content: "inline*",
  defining: true,

  addAttributes() {
    return {
      // A part split off an action is a new action: it gets a new id (see uniqueActionIds).
      id: { ...optionalText("id", "data-action-id"), keepOnSplit: false },
      ownerId: optionalText("ownerId", "data-owner-id"),
      ownerAgencyId: optionalText("ownerAgencyId", "data-owner-agency-id"),
      dueDate: optionalText("dueDate", "data-due-date"),
      // Declared so that the editor keeps it: an attribute the schema does not know is dropped
      // from the shared document the next time the card changes.
      blockedReason: optionalText("blockedReason", "data-blocked-reason"),
      status: {
        default: "open",
        parseHTML: (element: HTMLElement) => readStatus(element.getAttribute("data-status")),
        renderHTML: (attributes: Record<string, unknown>) => ({ "data-status": readStatus(attributes.status) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="action-item"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes({ "data-type": "action-item" }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      addActionItem:
        () =>
        ({ tr, state, dispatch }) => {
          const type = state.schema.nodes[this.name];
          if (!type) return false;
          if (!dispatch) return true;
          return insertActionItem(tr, type, newActionId());
        },
    };
  },

  addInputRules() {
    return [
      new InputRule({
        find: matchActionTriggerOnSpace,
        handler: ({ state, range }) => {
          const type = state.schema.nodes[this.name];
          if (!type) return null;
          state.tr.delete(range.from, range.to);
          if (!insertActionItem(state.tr, type, newActionId())) return null;
        },
      }),
    ];
  },

  addKeyboardShortcuts() {
    return {
      "Mod-Shift-a": () => this.editor.commands.addActionItem(),
      Enter: () => {
        const { state } = this.editor;
        const { $from, empty } = state.selection;
        if (!empty || $from.parent.type.spec.code) return false;
        if ($from.parent.type.name === this.name) {
          // An empty action goes back to being a paragraph, as an empty list item does.
          if ($from.parent.content.size === 0) return this.editor.commands.setNode("paragraph");
          if ($from.parentOffset < $from.parent.content.size) return false; // splits in two
          const paragraph = state.schema.nodes.paragraph;
          return !!paragraph && this.editor.commands.command(({ tr }) => insertParagraphAfter(tr, paragraph));
        }
        const textBefore = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
        const offset = findActionTrigger(textBefore);
        if (offset === null) return false;
        const type = state.schema.nodes[this.name];
        if (!type) return false;
        return this.editor.commands.command(({ tr }) => {
          tr.delete($from.start() + offset, $from.pos);
          return insertActionItem(tr, type, newActionId());
        });
      },
      Backspace: () => {
        const { $from, empty } = this.editor.state.selection;
        if (!empty || $from.parent.type.name !== this.name || $from.parent.content.size !== 0) return false;
        return this.editor.commands.setNode("paragraph");
      },
    };
  },

  addProseMirrorPlugins() {
    return [uniqueActionIds(this.name)];
  },
});
