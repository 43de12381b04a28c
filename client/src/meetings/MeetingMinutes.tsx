/**
 * The meeting's minutes, written live by everyone who may edit them, with the meeting's
 * attendance and comments beside them. The same document and editor as /documents/:id.
 */
import type { Meeting } from "@roundtable/domain";
import type { ReactNode } from "react";
import type * as Y from "yjs";
import { getDocument } from "../api/api";
import { useResource } from "../api/use-resource";
import { CaseTeamProvider } from "../actions/CaseTeamProvider";
import { DocumentWorkspace } from "../documents/DocumentWorkspace";
import { documentWords } from "../documents/document-words";
import { useOpenAccess } from "../documents/use-open-access";
import { PageLoading } from "../layout/PageLoading";

const readOnlyNoticeId = "minutes-read-only-notice";
const words = documentWords("minutes");

interface MeetingMinutesProps {
  meeting: Meeting;
  /** Beside the minutes on wide screens, above them on phones. */
  side: ReactNode;
  onDocumentReady(doc: Y.Doc | null): void;
}

/** The page's two columns while the minutes themselves cannot be shown. */
function WithoutMinutes({ side, above, children }: { side: ReactNode; above: ReactNode; children: ReactNode }) {
  return (
    <div className="rt-workspace">
      <aside className="rt-workspace__side">{side}</aside>
      <div className="rt-workspace__main">
        {above}
        {children}
      </div>
    </div>
  );
}

export function MeetingMinutes({ meeting, side, onDocumentReady }: MeetingMinutesProps) {
  const documentId = meeting.minutesDocumentId;
  const loaded = useResource(() => getDocument(documentId), `document:${documentId}`);
  const document = loaded.status === "loaded" ? loaded.data : null;
  const { access, onAccessChanged } = useOpenAccess(documentId, document?.access);
  const readOnly = access !== "edit";

  const above = (
    <>
      <h2 id="minutes-heading" className="rt-minutes__heading">
        Minutes
      </h2>
      {document && readOnly && access !== "none" && (
        <div className="nhsuk-inset-text rt-read-only rt-no-print" id={readOnlyNoticeId}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{words.readOnly}</p>
        </div>
      )}
    </>
  );

  if (loaded.status === "loading") {
    return (
      <WithoutMinutes side={side} above={above}>
        <PageLoading label={words.opening} />
      </WithoutMinutes>
    );
  }
  if (loaded.status === "failed" || !document || !access || access === "none") {
    return (
      <WithoutMinutes side={side} above={above}>
        <p>{loaded.status === "failed" ? loaded.error.message : "You cannot see the minutes of this meeting."}</p>
        {loaded.status === "failed" && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={loaded.retry}>
            Try opening the minutes again
          </button>
        )}
      </WithoutMinutes>
    );
  }
  return (
    // Everyone on the teams of the cases discussed can be given an action in the minutes.
    <CaseTeamProvider caseIds={meeting.cases.map((c) => c.id)} professionalsOnly={meeting.visibility === "professionals"}>
      <DocumentWorkspace
        key={access}
        document={document}
        access={access}
        onAccessChanged={onAccessChanged}
        readOnlyNoticeId={readOnly ? readOnlyNoticeId : null}
        label={`Minutes of ${meeting.title}`}
        side={side}
        above={above}
        onDocumentReady={onDocumentReady}
      />
    </CaseTeamProvider>
  );
}
