/**
 * A shared document on its own page: a care plan the family and professionals write together,
 * or a meeting's minutes (which also open on the meeting page).
 */
import { documentKindLabels, readerRelation, type DocumentDetail } from "@roundtable/domain";
import type { ReactNode } from "react";
import { ApiRequestError, getDocument } from "../api/api";
import { useResource } from "../api/use-resource";
import { CaseTeamProvider } from "../actions/CaseTeamProvider";
import { Breadcrumbs, homeCrumb, type Crumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { MeetingTeamProvider } from "../meetings/MeetingTeamProvider";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { PresenceList } from "../realtime/PresenceList";
import { DocumentWorkspace } from "./DocumentWorkspace";
import { documentWords, familyViewsPartNote, youngPersonViewsPartNote } from "./document-words";
import { firstName } from "../team/child-name";
import { useMe } from "../auth/session-context";
import { PlanRecord } from "./PlanRecord";
import { EasyReadToggle } from "../easy-read/EasyReadToggle";
import { EasyReadView } from "../easy-read/EasyReadView";
import { hasEasyRead } from "../easy-read/easy-read-kinds";
import { useEasyRead } from "../easy-read/use-easy-read";
import { useOpenAccess } from "./use-open-access";

const readOnlyNoticeId = "read-only-notice";

/** What the document is about: its case, or the meeting for minutes that cover several cases. */
function subjectOf(document: DocumentDetail): string | null {
  return document.caseName ?? document.meetingTitle;
}

function trailTo(document: DocumentDetail): [Crumb, ...Crumb[]] {
  const trail: [Crumb, ...Crumb[]] = [homeCrumb];
  if (document.caseId && document.caseName) trail.push({ href: paths.case(document.caseId), label: document.caseName });
  if (document.meetingId && document.meetingTitle) trail.push({ href: paths.meeting(document.meetingId), label: document.meetingTitle });
  return trail;
}

/** The people an action in this document can be given to. */
function TeamFor({ document, children }: { document: DocumentDetail; children: ReactNode }) {
  if (!document.caseId && document.meetingId) return <MeetingTeamProvider meetingId={document.meetingId}>{children}</MeetingTeamProvider>;
  return (
    <CaseTeamProvider caseIds={document.caseId ? [document.caseId] : []} professionalsOnly={document.visibility === "professionals"}>
      {children}
    </CaseTeamProvider>
  );
}

/**
 * A document's parts with their own rules (the family's "What my family says" in a care plan),
 * or, on a part, the way back to the whole.
 */
function DocumentParts({ document }: { document: DocumentDetail }) {
  // The child's own keyworker and other staff are told the same here.
  const reader = readerRelation({ accountRole: useMe().role, isOwnKeyworker: false });
  if (document.partOf) {
    return (
      <p className="rt-document-parts">
        This is part of <Link href={paths.document(document.partOf.id)}>{document.partOf.title}</Link>.
      </p>
    );
  }
  if (document.parts.length === 0) return null;
  return (
    <nav className="nhsuk-inset-text rt-document-parts" aria-label="Parts of this document">
      {document.parts.map((part) => (
        <p key={part.id}>
          <Link href={paths.document(part.id)}>{documentKindLabels[part.kind]}</Link>
          {part.kind === "family-views" && familyViewsPartNote(reader, part.access)}
          {part.kind === "young-person-views" && youngPersonViewsPartNote(reader, part.access, document.caseName ? firstName(document.caseName) : "the young person")}
        </p>
      ))}
    </nav>
  );
}

export default function DocumentPage({ documentId }: { documentId: string }) {
  const loaded = useResource(() => getDocument(documentId), `document:${documentId}`);
  const document: DocumentDetail | null = loaded.status === "loaded" ? loaded.data : null;
  const title = document?.title ?? "Document";
  const subject = document ? subjectOf(document) : null;
  const headingRef = usePageHeading(subject ? `${title}, ${subject}` : title);
  const { access, onAccessChanged } = useOpenAccess(documentId, document?.access);
  const words = documentWords(document?.kind ?? null);
  const easy = useEasyRead();
  const easyRead = !!document && hasEasyRead(document.kind) && easy.easyRead;

  if (loaded.status === "failed") return <ProblemPage error={loaded.error} retry={loaded.retry} />;
  if (access === "none") return <ProblemPage error={new ApiRequestError(403, "You do not have access to this document.")} />;
  const readOnly = access !== "edit";

  // One tree for loading and loaded, so the heading that took focus is the one that stays.
  return (
    <>
      {document && <Breadcrumbs trail={trailTo(document)} />}
      {document && (
        <span className="nhsuk-caption-l">
          {documentKindLabels[document.kind]}
          {subject && ` for ${subject}`}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
      )}
      <h1 ref={headingRef} tabIndex={-1} className="rt-document__title">
        {title}
      </h1>
      {!document && <PageLoading label="Opening the document…" />}
      {document && readOnly && (
        <div className="nhsuk-inset-text rt-read-only" id={readOnlyNoticeId}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{access === "comment" ? words.commentOnly : words.readOnly}</p>
        </div>
      )}
      {document && <DocumentParts document={document} />}
      {/* Easy read (ADR 0023): the same document, read-only; the editor stays open underneath. */}
      {document && hasEasyRead(document.kind) && <EasyReadToggle choice={easy} />}
      {document && easyRead && <EasyReadView heading={`${documentKindLabels[document.kind]} in easy read`} parts={[{ documentId: document.id }]} />}
      {document && access && (
        <div hidden={easyRead}>
        <TeamFor document={document}>
          <DocumentWorkspace
            key={access}
            document={document}
            access={access}
            onAccessChanged={onAccessChanged}
            readOnlyNoticeId={readOnly ? readOnlyNoticeId : null}
            label={`${documentKindLabels[document.kind]} for ${subject ?? title}`}
            side={<PresenceList room={`document:${document.id}`} heading="Who is here" headingId="who-is-here-heading" />}
            sideHeadingId="who-is-here-heading"
          />
        </TeamFor>
        </div>
      )}
      {/* Below the plan: downloading, printing and named versions come after reading it. */}
      {document && access && document.kind === "care-plan" && <PlanRecord document={document} access={access} />}
    </>
  );
}
