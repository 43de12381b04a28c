/**
 * What every shared document's editor is made of (care plans and minutes alike): the text
 * blocks, the live connection to the Yjs document, everyone's carets, action items, the case
 * id on a minutes section's heading, a limit on nesting, highlighted comment passages, and
 * Escape to leave.
 */
import type { Me } from "@roundtable/domain";
import type { AnyExtension } from "@tiptap/core";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { StarterKit } from "@tiptap/starter-kit";
import { ActionItem } from "../actions/action-item-extension";
import { CommentHighlights } from "../comments/comment-highlights";
import type { CollabSession } from "../realtime/collab-session";
import { ActionsPlaceholder } from "./actions-placeholder";
import { HeadingCaseId } from "./heading-case-id";
import { leaveEditorOnEscape } from "./leave-editor";
import { NestingLimit } from "./nesting-limit";

export function documentExtensions(session: CollabSession, me: Me, toolbarId: string): AnyExtension[] {
  return [
    // Collaboration brings its own undo and redo, which only undo your own changes.
    StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
    Collaboration.configure({ document: session.doc, field: "default" }),
    CollaborationCaret.configure({ provider: session.provider, user: { name: me.name, color: me.colour } }),
    ActionItem,
    HeadingCaseId,
    ActionsPlaceholder,
    // Quotes and lists could otherwise nest deeper than the server accepts.
    NestingLimit,
    // After Collaboration, so the passages can be found through its Yjs binding.
    CommentHighlights,
    leaveEditorOnEscape(toolbarId),
  ];
}
