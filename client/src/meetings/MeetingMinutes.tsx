/**
 * The meeting's minutes, written live by everyone who may edit them, with the meeting's
 * attendance and comments beside them. The same document and editor as /documents/:id. A
 * tracker meeting's minutes are its general business and one document per child (ADR 0017),
 * shown one after another as one meeting: each person sees the parts they may open, and the
 * server sends no other.
 */
import { withheldSectionsWords, type CarriedActionsSection, type Meeting } from "@roundtable/domain";
import type { ReactNode } from "react";
import type * as Y from "yjs";
import { getDocument } from "../api/api";
import { useResource } from "../api/use-resource";
import { CaseTeamProvider } from "../actions/CaseTeamProvider";
import { DocumentWorkspace } from "../documents/DocumentWorkspace";
import { documentWords } from "../documents/document-words";
import { useOpenAccess } from "../documents/use-open-access";
import { PageLoading } from "../layout/PageLoading";
import { CarriedActions } from "./CarriedActions";
import { useCarriedActions, type CarriedActions as CarriedActionsState } from "./use-carried-actions";

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
      {side && <aside className="rt-workspace__side">{side}</aside>}
      <div className="rt-workspace__main">
        {above}
        {children}
      </div>
    </div>
  );
}

interface MinutesPartProps {
  meeting: Meeting;
  documentId: string;
  /** The children whose teams can be given its actions. */
  caseIds: readonly string[];
  label: string;
  /** Which part this is, when the meeting has several: a child's name, or its general business. */
  part?: string;
  /** The first part carries the page's "Minutes" heading and what sits beside the minutes. */
  first: boolean;
  side: ReactNode;
  onDocumentReady?(doc: Y.Doc | null): void;
  /** A child's part of a tracker or review meeting: the actions carried from that child's earlier meetings (ADR 0027); a CETR follow-up's: the CETR's. */
  carried?: { section: CarriedActionsSection; childName: string; decide: CarriedActionsState["decide"] };
}

function MinutesPart({ meeting, documentId, caseIds, label, part, first, side, onDocumentReady, carried }: MinutesPartProps) {
  const loaded = useResource(() => getDocument(documentId), `document:${documentId}`);
  const document = loaded.status === "loaded" ? loaded.data : null;
  const { access, onAccessChanged } = useOpenAccess(documentId, document?.access);
  const readOnly = access !== "edit";
  const readOnlyNoticeId = `minutes-read-only-notice-${documentId}`;

  const above = (
    <>
      {first && (
        <h2 id="minutes-heading" className="rt-minutes__heading">
          Minutes
        </h2>
      )}
      {first && meeting.withheldCases > 0 && (
        <p className="rt-minutes__withheld" data-testid="minutes-withheld">
          You see the section for {meeting.cases.map((c) => c.name).join(" and ")} only. Not shown: {withheldSectionsWords(meeting.withheldCases)}.
        </p>
      )}
      {document && readOnly && access !== "none" && (
        <div className="nhsuk-inset-text rt-read-only rt-no-print" id={readOnlyNoticeId}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{words.readOnly}</p>
        </div>
      )}
      {carried && <CarriedActions section={carried.section} childName={carried.childName} followsUpCetr={meeting.type === "cetr-follow-up"} decide={carried.decide} />}
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
    // Everyone on the teams of the cases discussed here can be given an action in the minutes.
    <CaseTeamProvider caseIds={caseIds} professionalsOnly={meeting.visibility === "professionals"}>
      <DocumentWorkspace
        key={access}
        document={document}
        access={access}
        onAccessChanged={onAccessChanged}
        readOnlyNoticeId={readOnly ? readOnlyNoticeId : null}
        label={label}
        part={part}
        side={side}
        above={above}
        onDocumentReady={onDocumentReady}
      />
    </CaseTeamProvider>
  );
}

export function MeetingMinutes({ meeting, side, onDocumentReady }: MeetingMinutesProps) {
  const { state: carried, decide } = useCarriedActions(meeting.id);
  const carriedInto = (documentId: string) => {
    const section = carried.status === "loaded" ? carried.data.find((s) => s.documentId === documentId) : undefined;
    return section && { section, childName: nameOf(section.caseId), decide };
  };
  const nameOf = (caseId: string) => meeting.cases.find((c) => c.id === caseId)?.name ?? "a child";
  const parts = [
    ...(meeting.minutesDocumentId
      ? [{ documentId: meeting.minutesDocumentId, caseIds: meeting.cases.map((c) => c.id), label: `Minutes of ${meeting.title}`, part: meeting.caseMinutes.length > 0 ? "agenda and other business" : undefined, general: true }]
      : []),
    ...meeting.caseMinutes.map((m) => ({ documentId: m.documentId, caseIds: [m.caseId], label: `Minutes of ${meeting.title}: ${nameOf(m.caseId)}`, part: nameOf(m.caseId), general: false })),
  ];
  return (
    <>
      {parts.map((part, i) => (
        <MinutesPart
          key={part.documentId}
          meeting={meeting}
          documentId={part.documentId}
          caseIds={part.caseIds}
          label={part.label}
          part={part.part}
          first={i === 0}
          side={i === 0 ? side : null}
          onDocumentReady={part.general ? onDocumentReady : undefined}
          carried={carriedInto(part.documentId)}
        />
      ))}
    </>
  );
}
