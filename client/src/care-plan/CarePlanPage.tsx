/** The care plan page: where the family and professionals write the plan together, live. */
import { documentKindLabels, type DocumentDetail } from "@roundtable/domain";
import { useCallback, useState } from "react";
import { ApiRequestError, getDocument } from "../api/api";
import { useResource } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Breadcrumbs } from "../layout/Breadcrumbs";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import type { OpenAccess } from "../realtime/collab-session";
import { CaseTeamProvider } from "../actions/CaseTeamProvider";
import { CarePlanWorkspace } from "./CarePlanWorkspace";

const readOnlyNoticeId = "read-only-notice";

/** What the document is about: its case, or the meeting for minutes that cover several cases. */
function subjectOf(document: DocumentDetail): string | null {
  return document.caseName ?? document.meetingTitle;
}

export default function CarePlanPage({ documentId }: { documentId: string }) {
  const loaded = useResource(() => getDocument(documentId), `document:${documentId}`);
  const title = loaded.status === "loaded" ? loaded.data.title : "Care plan";
  const subject = loaded.status === "loaded" ? subjectOf(loaded.data) : null;
  const headingRef = usePageHeading(subject ? `${title}, ${subject}` : title);
  const [changedAccess, setChangedAccess] = useState<{ documentId: string; access: OpenAccess } | null>(null);
  const onAccessChanged = useCallback((access: OpenAccess) => setChangedAccess({ documentId, access }), [documentId]);

  if (loaded.status === "failed") return <ProblemPage error={loaded.error} retry={loaded.retry} />;
  const document: DocumentDetail | null = loaded.status === "loaded" ? loaded.data : null;
  const access = changedAccess?.documentId === documentId ? changedAccess.access : document?.access;
  if (access === "none") return <ProblemPage error={new ApiRequestError(403, "You do not have access to this plan.")} />;
  const readOnly = access !== "edit";

  // One tree for loading and loaded, so the heading that took focus is the one that stays.
  return (
    <>
      {document && (
        <Breadcrumbs
          trail={[
            { href: paths.myCases(), label: "My cases" },
            ...(document.caseId && document.caseName ? [{ href: paths.case(document.caseId), label: document.caseName }] : []),
          ]}
        />
      )}
      {document && (
        <span className="nhsuk-caption-l">
          {documentKindLabels[document.kind]}
          {subject && ` for ${subject}`}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
      )}
      <h1 ref={headingRef} tabIndex={-1} className="rt-care-plan__title">
        {title}
      </h1>
      {!document && <PageLoading label="Opening the care plan…" />}
      {document && readOnly && (
        <div className="nhsuk-inset-text rt-read-only" id={readOnlyNoticeId}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>You can read this plan but not change it.</p>
        </div>
      )}
      {document && access && (
        // The case team is who an action in the plan can be given to.
        <CaseTeamProvider caseId={document.caseId}>
          <CarePlanWorkspace
            key={access}
            document={document}
            access={access}
            onAccessChanged={onAccessChanged}
            readOnlyNoticeId={readOnly ? readOnlyNoticeId : null}
          />
        </CaseTeamProvider>
      )}
    </>
  );
}
