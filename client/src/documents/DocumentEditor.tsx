/**
 * A shared document (care plan or minutes): a Tiptap editor bound to the Yjs document, showing
 * everyone's caret with their name in their colour. Mounted only once the document has content
 * (synced, or restored from this device), so the editor never writes an empty paragraph into a
 * document still loading.
 */
import type { Me } from "@roundtable/domain";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useShowActionFromAddress } from "../actions/use-action-from-address";
import { isCommentShortcut } from "../comments/comment-shortcut";
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
  /** The document's id, which keeps this editor's ids apart from another's on the same page. */
  documentId: string;
  editable: boolean;
  /** The connection state line, shown in the bar that stays on screen while scrolling. */
  statusLine: ReactNode;
  /** Ids of text that explains the editor (read-only notice, how to leave it). */
  describedBy: string;
  /** Start a comment on what is selected; left out for people who may not comment. */
  onComment?: (editor: Editor) => void;
  /** Told the editor once it exists (and null when it goes), for the comments beside it. */
  onEditorChange?: (editor: Editor | null) => void;
}


/**
 * Ctrl+Alt+M from the editor or its toolbar, or while words in it are selected: a read-only
 * editor cannot take focus, so after selecting in it, focus is usually still on the page.
 */
function useCommentShortcut(editor: Editor | null, onComment: ((editor: Editor) => void) | undefined) {
  const latest = useRef(onComment);
  useEffect(() => {
    latest.current = onComment;
  });
  useEffect(() => {
    if (!editor) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const comment = latest.current;
      if (!comment || editor.isDestroyed) return;
      if (!isCommentShortcut(event)) return;
      const area = editor.view.dom.closest(".rt-editor");
      const selection = document.getSelection();
      const fromHere = event.target instanceof Node && area?.contains(event.target);
      const selectingHere = selection !== null && !selection.isCollapsed && editor.view.dom.contains(selection.anchorNode);
      if (!fromHere && !selectingHere) return;
      event.preventDefault();
      comment(editor);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [editor]);
}

export function DocumentEditor({ documentId, session, me, label, testId, editable, statusLine, describedBy, onComment, onEditorChange }: DocumentEditorProps) {
  // One set of ids per document: a meeting's page shows several (ADR 0017).
  const editorId = `document-editor-${documentId}`;
  const toolbarId = `document-toolbar-${documentId}`;
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
  useCommentShortcut(editor, onComment);

  useEffect(() => {
    onEditorChange?.(editor);
    return () => onEditorChange?.(null);
  }, [editor, onEditorChange]);

  const startComment = onComment && editor ? () => onComment(editor) : undefined;

  return (
    <div className="rt-editor">
      <div className="rt-editor__bar">
        {statusLine}
        {editor && (editable || startComment) && (
          <div id={toolbarId} className="rt-editor__tools">
            <EditorToolbar editor={editor} editorId={editorId} editable={editable} onComment={startComment} />
          </div>
        )}
      </div>
      <EditorContent editor={editor} className="rt-editor__frame" />
    </div>
  );
}
