/**
 * A shared document (care plan or minutes): a Tiptap editor bound to the Yjs document, showing
 * everyone's caret with their name in their colour. Mounted only once the document has content
 * (synced, or restored from this device), so the editor never writes an empty paragraph into a
 * document still loading.
 */
import type { Me } from "@roundtable/domain";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, type ReactNode } from "react";
import { useShowActionFromAddress } from "../actions/use-action-from-address";
import type { CollabSession } from "../realtime/collab-session";
import { documentExtensions } from "./editor-extensions";
import { EditorToolbar } from "./EditorToolbar";
import "./editor.css";

interface DocumentEditorProps {
  session: CollabSession;
  me: Me;
  /** What a screen reader calls the editor: "Care plan for Jamie Walker". */
  label: string;
  testId: string;
  editable: boolean;
  /** The connection state line, shown in the bar that stays on screen while scrolling. */
  statusLine: ReactNode;
  /** Ids of text that explains the editor (read-only notice, how to leave it). */
  describedBy: string;
}

const editorId = "document-editor";
const toolbarId = "document-toolbar";

export function DocumentEditor({ session, me, label, testId, editable, statusLine, describedBy }: DocumentEditorProps) {
  const editor = useEditor(
    {
      extensions: documentExtensions(session, me, toolbarId),
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          id: editorId,
          class: "rt-editor__content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": label,
          "aria-describedby": describedBy,
          "aria-readonly": editable ? "false" : "true",
          "data-testid": testId,
        },
        // Keep the caret clear of the bar that sticks to the top of the screen.
        scrollMargin: { top: 160, bottom: 40, left: 0, right: 0 },
        scrollThreshold: { top: 160, bottom: 40, left: 0, right: 0 },
      },
    },
    [session, editable, label, testId, describedBy],
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
