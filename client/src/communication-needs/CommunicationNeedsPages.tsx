/**
 * Where communication needs are recorded (ADR 0023): "Your communication needs" for everyone
 * (from the header's menu), and a family member's, recorded by the child's own keyworker from
 * the team page. Who may record a family member's is asked of the same rule the server enforces
 * (mayRecordCommunicationNeeds); anyone else is told so and sent back to the team.
 */
import { mayRecordCommunicationNeeds, noCommunicationNeeds, type CaseDetail } from "@roundtable/domain";
import { getCase, getOwnCommunicationNeeds, getTeamCommunicationNeeds, recordCommunicationNeeds, saveOwnCommunicationNeeds } from "../api/api";
import { useResource } from "../api/use-resource";
import { useMe } from "../auth/session-context";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { CommunicationNeedsForm } from "./CommunicationNeedsForm";
import { needsWords } from "./communication-needs-words";

export function OwnCommunicationNeedsPage() {
  const words = needsWords(null);
  const headingRef = usePageHeading(words.heading);
  const current = useResource(getOwnCommunicationNeeds, "own-communication-needs");
  if (current.status === "failed") return <ProblemPage error={current.error} retry={current.retry} />;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          {words.heading}
        </h1>
        <p>{words.intro}</p>
        {current.status === "loading" ? (
          <PageLoading label="Loading your communication needs…" />
        ) : (
          <CommunicationNeedsForm initial={current.data} name={null} save={saveOwnCommunicationNeeds} />
        )}
      </div>
    </div>
  );
}

export function MemberCommunicationNeedsPage({ caseId, personId }: { caseId: string; personId: string }) {
  const me = useMe();
  const loaded = useResource(async () => {
    const details = await getCase(caseId);
    const mayRecord = mayRecordCommunicationNeeds({
      isSelf: false,
      isOwnKeyworker: details.keyworker?.id === me.id,
      subjectCaseRole: details.team.find((m) => m.personId === personId)?.role ?? null,
    });
    const recorded = mayRecord ? (await getTeamCommunicationNeeds(caseId)).find((n) => n.personId === personId)?.needs : undefined;
    return { details, mayRecord, needs: recorded ?? noCommunicationNeeds };
  }, `member-needs:${caseId}:${personId}:${me.id}`);
  const member = loaded.status === "loaded" ? loaded.data.details.team.find((m) => m.personId === personId) : undefined;
  const words = needsWords(member?.name ?? "This person");
  const headingRef = usePageHeading(member ? words.heading : "Communication needs");
  if (loaded.status === "failed") return <ProblemPage error={loaded.error} retry={loaded.retry} />;
  if (loaded.status === "loading") return <PageLoading label="Loading…" />;
  const { details, mayRecord, needs } = loaded.data;
  return (
    <>
      <Breadcrumbs trail={[homeCrumb, { href: paths.case(details.id), label: details.name }, { href: paths.caseTeam(details.id), label: `${details.name}'s team` }]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 ref={headingRef} tabIndex={-1}>
            {member ? words.heading : "Communication needs"}
          </h1>
          {mayRecord && member ? (
            <>
              <p>{words.intro}</p>
              <CommunicationNeedsForm initial={needs} name={member.name} save={(body) => recordCommunicationNeeds(caseId, personId, body)} />
            </>
          ) : (
            <NotRecordable details={details} />
          )}
        </div>
      </div>
    </>
  );
}

function NotRecordable({ details }: { details: CaseDetail }) {
  return (
    <>
      <p>
        Only {details.keyworker ? `${details.keyworker.name}, ${details.name}'s keyworker,` : "the child's keyworker"} records the communication needs of {details.name}'s family. Everyone
        records their own from the menu, under &ldquo;Your communication needs&rdquo;.
      </p>
      <p>
        <Link href={paths.caseTeam(details.id)}>Back to {details.name}'s team</Link>
      </p>
    </>
  );
}
