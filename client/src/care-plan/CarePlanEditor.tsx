/**
 * The shared care plan: a Tiptap editor bound to the Yjs document, showing everyone's caret
 * with their name in their colour. Mounted only once the plan has content (synced, or restored
 * from this device), so the editor never writes an empty paragraph into a plan still loading.
 */
import type { Me } from "@roundtable/domain";
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import { StarterKit } from "@tiptap/starter-kit";
import { useEffect, type ReactNode } from "react";
import { ActionItem } from "../actions/action-item-extension";
import { useShowActionFromAddress } from "../actions/use-action-from-address";
import type { CollabSession } from "../realtime/collab-session";
import { EditorToolbar } from "./EditorToolbar";
import { leaveEditorOnEscape } from "./leave-editor";
import "./editor.css";

interface CarePlanEditorProps {
  session: CollabSession;
  me: Me;
  caseName: string;
  editable: boolean;
  /** The connection state line, shown in the bar that stays on screen while scrolling. */
  statusLine: ReactNode;
  /** Ids of text that explains the editor (read-only notice, how to leave it). */
  describedBy: string;
}

const editorId = "care-plan-editor";
const toolbarId = "care-plan-toolbar";

export function CarePlanEditor({ session, me, caseName, editable, statusLine, describedBy }: CarePlanEditorProps) {
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings its own undo and redo, which only undo your own changes.
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
        Collaboration.configure({ document: session.doc, field: "default" }),
        CollaborationCaret.configure({ provider: session.provider, user: { name: me.name, color: me.colour } }),
        ActionItem,
        leaveEditorOnEscape(toolbarId),
      ],
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: editorId,
          class: "rt-editor__content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": `Care plan for ${caseName}`,
          "aria-describedby": describedBy,
          "aria-readonly": editable ? "false" : "true",
          "data-testid": "care-plan-editor",
        },
        // Keep the caret clear of the bar that sticks to the top of the screen.
        scrollMargin: { top: 160, bottom: 40, left: 0, right: 0 },
        scrollThreshold: { top: 160, bottom: 40, left: 0, right: 0 },
      },
    },
    [session, editable, caseName, describedBy],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setEditable(editable);
  }, [editor, editable]);

  useShowActionFromAddress(editor !== null);

  return (
    <div className="rt-editor">
      <div className="rt-editor__bar">
        {statusLine}
        {editable && editor && (
          <div id={toolbarId}>
            <EditorToolbar editor={editor} editorId={editorId} />
          </div>
        )}
      </div>
      <EditorContent editor={editor} className="rt-editor__frame" />
    </div>
  );
}
