/** One case: its rating, keyworker and cover, next meeting, actions, meetings, team, documents, and who is looking at it now. */
import { CaseActions } from "../actions/CaseActions";
import { useMe } from "../auth/session-context";
import { CaseTeamContext } from "../actions/case-team-context";
import { effectiveCaseRole, type CaseDetail } from "@roundtable/domain";
import { useLiveResource, type Resource } from "../api/use-resource";
import { AccessEnded } from "../layout/AccessEnded";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { InviteToTeam } from "../invitations/InviteToTeam";
import { Breadcrumbs } from "../layout/Breadcrumbs";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { PresenceList } from "../realtime/PresenceList";
import { useAccessRevoked } from "../realtime/use-access-revoked";
import { useCaseChanged } from "../realtime/use-case-changed";
import { RecordsAndPermissions } from "../team/RecordsAndPermissions";
import { ParentsSharingPanel } from "../consent/ParentsSharingPanel";
import { CaseMeetings } from "./CaseMeetings";
import { CaseCetrs, mayRequestCetrFor } from "../cetrs/CaseCetrs";
import { caseWords, homeWords, readerOf } from "./case-words";
import { CaseSummaryList } from "./CaseSummaryList";
import { firstName } from "../team/child-name";
import { DocumentsTable } from "./DocumentsTable";
import { TeamTable } from "./TeamTable";
import { loadCasePage } from "./case-page-data";
import { RagRatingSection } from "./RagRatingSection";
import { KeyworkerSection } from "./KeyworkerSection";

export function CasePage({ caseId }: { caseId: string }) {
  const me = useMe();
  // The rating's section comes with the case, so it does not arrive later and move the page.
  const page = useLiveResource(() => loadCasePage(caseId, me.role), `case:${caseId}`);
  const { resource } = page;
  const loaded = resource.status === "loaded" ? resource.data : null;
  const details: Resource<CaseDetail> = resource.status === "loaded" ? { status: "loaded", data: resource.data.details } : resource;
  const title = details.status === "loaded" ? details.data.name : "Case";
  const headingRef = usePageHeading(title);
  // The presence list below keeps the page in the case's room, where a withdrawal is told,
  // and a change of the rating (to those who see it).
  const revoked = useAccessRevoked(`case:${caseId}`);
  useCaseChanged(caseId, page.refresh);
  const words = details.status === "loaded" ? caseWords(readerOf(me, details.data), firstName(details.data.name)) : null;

  if (details.status === "failed") return <ProblemPage error={details.error} retry={details.retry} />;

  return (
    <>
      <Breadcrumbs trail={[{ href: paths.myCases(), label: homeWords(me.role).heading }]} />
      <span className="nhsuk-caption-l">{words?.caption ?? "Case"}</span>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {details.status === "loading" && <PageLoading label="Loading this case…" />}
      {revoked && <AccessEnded title="You no longer have access to this case" body="Someone has changed who can see this case, so you cannot see it now." />}
      {details.status === "loaded" && words && !revoked && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <CaseSummaryList details={details.data} words={words} showRating={!loaded?.rag} />
            {loaded?.rag && details.data.ragRating !== null && (
              <RagRatingSection
                caseId={caseId}
                childFirstName={firstName(details.data.name)}
                rating={details.data.ragRating}
                rag={loaded.rag}
                caseRole={effectiveCaseRole(details.data.team.find((m) => m.personId === me.id)?.role ?? null, me.role)}
                headingId="rag-heading"
                onChanged={page.refresh}
              />
            )}
            {loaded && <KeyworkerSection childFirstName={firstName(details.data.name)} allocation={loaded.allocation} headingId="keyworker-heading" onChanged={page.refresh} />}
            {/* The young person sees their own decision; their keyworking staff see it from 16, when it counts (ADR 0026). */}
            {details.data.parentsSharing && (me.role === "young-person" || details.data.parentsSharing.decides) && (
              <>
                <ParentsSharingPanel details={details.data} youngPerson={me.role === "young-person"} />
                {me.role !== "young-person" && (
                  <p>
                    <Link href={paths.caseConsent(caseId)}>Record {firstName(details.data.name)}'s decision on the consent page</Link>
                  </p>
                )}
              </>
            )}
            {/* Live: the presence list below joins this case's room, where action changes are sent. */}
            {/* The team and agencies name the owners in each action's history. */}
            <CaseTeamContext.Provider value={{ status: "loaded", team: details.data.team, agencies: details.data.agencies }}>
              <CaseActions caseId={caseId} headingId="case-actions-heading" />
            </CaseTeamContext.Provider>
            <CaseMeetings caseId={caseId} headingId="case-meetings-heading" />
            <CaseCetrs caseId={caseId} childName={details.data.name} mayRequest={mayRequestCetrFor(me, details.data.team)} />
            <h2>Documents</h2>
            <DocumentsTable documents={details.data.documents} />
            <h2>Team</h2>
            <TeamTable team={details.data.team} />
            <p>
              <Link href={paths.caseTeam(caseId)}>{words.teamContactLink}</Link>
            </p>
            <InviteToTeam details={details.data} headingId="invite-heading" />
            <RecordsAndPermissions details={details.data} headingId="records-heading" />
          </div>
          <aside className="nhsuk-grid-column-one-third" aria-labelledby="here-now-heading">
            <PresenceList room={`case:${caseId}`} headingId="here-now-heading" heading="Here now" />
          </aside>
        </div>
      )}
    </>
  );
}
