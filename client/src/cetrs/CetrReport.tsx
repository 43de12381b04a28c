/**
 * The CETR's report, written live by the panel, the ICB lead and the child's keyworkers: the same
 * document and editor as /documents/:id, its sections the key lines of enquiry, each
 * recommendation's actions given owners from the child's team — which the panel, who are not on
 * the team, read from the CETR itself.
 */
import type { ReactNode } from "react";
import { getDocument } from "../api/api";
import { listCetrOwners } from "../api/cetr-api";
import { useResource } from "../api/use-resource";
import { CaseTeamContext, type CaseTeam } from "../actions/case-team-context";
import { DocumentWorkspace } from "../documents/DocumentWorkspace";
import { useOpenAccess } from "../documents/use-open-access";
import { PageLoading } from "../layout/PageLoading";

interface CetrReportProps {
  cetrId: string;
  documentId: string;
  label: string;
  above: ReactNode;
  side: ReactNode;
}

export function CetrReport({ cetrId, documentId, label, above, side }: CetrReportProps) {
  const loaded = useResource(() => getDocument(documentId), `document:${documentId}`);
  const owners = useResource(() => listCetrOwners(cetrId), `cetr-owners:${cetrId}`);
  const document = loaded.status === "loaded" ? loaded.data : null;
  const { access, onAccessChanged } = useOpenAccess(documentId, document?.access);
  const readOnly = access !== "edit";
  const team: CaseTeam =
    owners.status === "loaded" ? { status: "loaded", team: owners.data.team, agencies: owners.data.agencies } : owners.status === "loading" ? { status: "loading" } : { status: "unavailable" };

  if (loaded.status === "loading") return <PageLoading label="Opening the report…" />;
  if (loaded.status === "failed" || !document || !access || access === "none") {
    return (
      <>
        {above}
        <p>{loaded.status === "failed" ? loaded.error.message : "You cannot see this report."}</p>
      </>
    );
  }
  return (
    <CaseTeamContext.Provider value={team}>
      <DocumentWorkspace
        key={access}
        document={document}
        access={access}
        onAccessChanged={onAccessChanged}
        readOnlyNoticeId={readOnly ? "cetr-report-read-only" : null}
        label={label}
        side={side}
        above={
          <>
            {above}
            {readOnly && (
              <div className="nhsuk-inset-text rt-read-only" id="cetr-report-read-only">
                <span className="nhsuk-u-visually-hidden">Information: </span>
                <p>You can read this report but not change it.</p>
              </div>
            )}
          </>
        }
      />
    </CaseTeamContext.Provider>
  );
}
