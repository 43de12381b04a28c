/**
 * The live part of a document page (care plan or minutes): connection state, what sits beside
 * the document (who is here, or a meeting's attendance), the editor (or a loading line until the
 * document is ready), and the comments on it.
 */
import { mayChangeMapPicture, type DocumentDetail } from "@roundtable/domain";
import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import type * as Y from "yjs";
import { useMe, useSession } from "../auth/session-context";
import { type CommentDraft, CommentsPanel } from "../comments/CommentsPanel";
import { selectedPassage } from "../comments/comment-selection";
import { AccessEnded } from "../layout/AccessEnded";
import { PageLoading } from "../layout/PageLoading";
import type { OpenAccess } from "../realtime/access-ending";
import { connectionStates } from "../realtime/connection-state";
import { ConnectionStatus } from "../realtime/ConnectionStatus";
import { helpSentences, useTouchOnly } from "../layout/input-kind";
import { useCollabSession } from "../realtime/use-collab-session";
import { ChangeRefused } from "./ChangeRefused";
import { NetworkMapEditor } from "../network-map/NetworkMapEditor";
import { DocumentEditor } from "./DocumentEditor";
import { documentWords } from "./document-words";

interface DocumentWorkspaceProps {
  document: DocumentDetail;
  access: OpenAccess;
  onAccessChanged(access: OpenAccess): void;
  /** Id of the "you can read but not change" notice, when shown. */
  readOnlyNoticeId: string | null;
  /** What a screen reader calls the editor: "Care plan for Jamie Walker", "Minutes of …". */
  label: string;
  /** Beside the document on wide screens, above it on phones. */
  side: ReactNode;
  /** Just above the document, in its column: a heading of its own, a notice. */
  above?: ReactNode;
  /** Labels the side column, when it has a heading of its own. */
  sideHeadingId?: string;
  /** Which part of a meeting's minutes this is, when the page shows several (ADR 0017). */
  part?: string;
  /** Told the shared document once it can be read, for screens that show parts of it elsewhere. */
  onDocumentReady?(doc: Y.Doc | null): void;
}

export function DocumentWorkspace({
  document,
  access,
  onAccessChanged,
  readOnlyNoticeId,
  label,
  side,
  above,
  sideHeadingId,
  part,
  onDocumentReady,
}: DocumentWorkspaceProps) {
  const me = useMe();
  const { sessionEnded } = useSession();
  const { session, snapshot, connectionState } = useCollabSession(me.id, document.id, access);
  const ending = snapshot?.ending ?? null;
  const words = documentWords(document.kind);
  const touchOnly = useTouchOnly();
  const ready = session && snapshot?.ready;
  const canComment = access === "edit" || access === "comment";
  const [editor, setEditor] = useState<Editor | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const startComment = useCallback((from: Editor) => {
    setDraft({ passage: selectedPassage(from), startedAt: Date.now(), returnFocusTo: window.document.activeElement });
  }, []);

  useEffect(() => {
    if (ending?.kind === "signed-out") sessionEnded();
    if (ending?.kind === "access-changed") onAccessChanged(ending.access);
  }, [ending, sessionEnded, onAccessChanged]);

  const readyDoc = ready && ending === null ? session.doc : null;
  useEffect(() => {
    onDocumentReady?.(readyDoc);
    return () => onDocumentReady?.(null);
  }, [readyDoc, onDocumentReady]);

  if (ending?.kind === "access-withdrawn") {
    return (
      <>
        <ConnectionStatus state={connectionState} />
        <AccessEnded title={words.accessEndedTitle} body={words.accessEndedBody} deviceCopyRemoved />
      </>
    );
  }

  const statusLine = <ConnectionStatus state={connectionState} />;
  const cannotOpenYet = !ready && snapshot?.localCopyChecked === true && connectionState === connectionStates.offline;
  // One id per document: a meeting shows several (ADR 0017).
  const helpId = `document-editor-help-${document.id}`;
  const describedBy = [helpId, readOnlyNoticeId].filter(Boolean).join(" ");

  return (
    // The CETR's easy-read summary is for the young person and family: large type, one idea a line.
    <div className={document.kind === "cetr-summary" ? "rt-workspace rt-workspace--large-type" : "rt-workspace"}>
      {/* Not kept in view while scrolling: the comments below it in this column can be long. */}
      {side && (
        <aside className="rt-workspace__side" aria-labelledby={sideHeadingId}>
          {side}
        </aside>
      )}
      <div className="rt-workspace__main" aria-busy={!ready}>
        {above}
        {session && ending?.kind === "change-refused" && <ChangeRefused reason={ending.reason} session={session} />}
        {ready && document.kind === "network-map" ? (
          <NetworkMapEditor documentId={document.id} doc={session.doc} awareness={session.provider.awareness} me={me} caseId={document.caseId} editable={access === "edit" && ending === null} mayChangePicture={mayChangeMapPicture(me.role, access) && ending === null} statusLine={statusLine} describedBy={describedBy} />
        ) : ready ? (
          <DocumentEditor
            documentId={document.id}
            session={session}
            me={me}
            label={label}
            testId={words.editorTestId}
            editable={access === "edit" && ending === null}
            statusLine={statusLine}
            describedBy={describedBy}
            onComment={canComment ? startComment : undefined}
            onEditorChange={setEditor}
          />
        ) : (
          <>
            <div className="rt-editor__bar">{statusLine}</div>
            {cannotOpenYet ? (
              <p className="rt-workspace__waiting">{words.notOnThisDevice}</p>
            ) : (
              <PageLoading label={words.opening} />
            )}
          </>
        )}
        <p className="nhsuk-hint rt-editor__help" id={helpId}>
          {helpSentences([{ text: access === "edit" ? words.helpEditing : null }, { text: access === "edit" ? words.leaveHint : null, keyboard: true }], touchOnly)}
        </p>
      </div>
      <CommentsPanel
        className="rt-workspace__comments"
        documentId={document.id}
        kind={document.kind}
        part={part}
        editor={ready ? editor : null}
        canComment={canComment}
        draft={draft}
        onDraftChange={setDraft}
      />
    </div>
  );
}
