/**
 * A case's team: who is on it, in what role, from which agency. The people who run the case can
 * change someone's role or take them off the team; everyone else sees the list. Adding people is
 * done by inviting them, from the case's page.
 */
import { mayRecordCommunicationNeeds, seesCommunicationNeeds, sharesContactDetails, type CaseDetail, type LinkedYoungPerson, type Role, type TeamMember } from "@roundtable/domain";
import { useRef, useState } from "react";
import { ApiRequestError, changeMemberRole, getCase, getTeamCommunicationNeeds, removeMember } from "../api/api";
import { useNeedsWords } from "../communication-needs/use-communication-needs";
import { useResource } from "../api/use-resource";
import { ErrorSummary, type FormErrorSummary } from "../auth/ErrorSummary";
import { useMe, useSession } from "../auth/session-context";
import { Breadcrumbs, homeCrumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { Link } from "../navigation/Link";
import { navigate } from "../navigation/history";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { casePermissions } from "./case-permissions";
import { firstName } from "./child-name";
import { RemoveMemberQuestion } from "./RemoveMemberQuestion";
import { SuccessBanner, type Success } from "./SuccessBanner";
import { removedMessage, roleChangedMessage, teamChangeNote } from "./team-words";
import { readerOf } from "../cases/case-words";
import { parentKeptOutNote } from "../consent/parents-sharing-words";
import { removeButtonId, roleSelectId, TeamMembersTable } from "./TeamMembersTable";
import { YoungPersonLink } from "./YoungPersonLink";
import "./records-pages.css";
import { focusAfterRender } from "../layout/focus-after-render";
import "./team.css";

export function TeamPage({ caseId }: { caseId: string }) {
  const details = useResource(() => getCase(caseId), `case:${caseId}`);
  const title = details.status === "loaded" ? `${details.data.name}'s team` : "Team";
  const headingRef = usePageHeading(title);

  if (details.status === "failed") return <ProblemPage error={details.error} retry={details.retry} />;
  if (details.status === "loading") {
    return (
      <>
        <h1 ref={headingRef} tabIndex={-1}>
          {title}
        </h1>
        <PageLoading label="Loading the team…" />
      </>
    );
  }
  return <Team details={details.data} />;
}

function Team({ details }: { details: CaseDetail }) {
  const title = `${details.name}'s team`;
  // A heading of its own: the one shown while loading has gone, so focus comes here.
  const headingRef = usePageHeading(title);
  const me = useMe();
  const { sessionEnded } = useSession();
  // The team as it is after this page's own changes; the server has already agreed to each.
  const [team, setTeam] = useState<readonly TeamMember[]>(details.team);
  const [linked, setLinked] = useState<LinkedYoungPerson | null>(details.youngPerson);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [busyPersonId, setBusyPersonId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrorSummary | null>(null);
  const [success, setSuccess] = useState<Success | null>(null);
  const messageCount = useRef(0);
  const child = firstName(details.name);
  const may = casePermissions(team, me);
  // Communication needs: shown to the child's own keyworker, so they can meet them (ADR 0023).
  const isOwnKeyworker = details.keyworker?.id === me.id;
  const needs = useNeedsWords(() => getTeamCommunicationNeeds(details.id), `needs:case:${details.id}`, seesCommunicationNeeds({ isSelf: false, isOwnKeyworker, isChair: false }));

  const failed = (error: unknown, field?: string) => {
    if (error instanceof ApiRequestError && error.isSessionEnded) return sessionEnded();
    const message = error instanceof ApiRequestError ? error.message : "Something went wrong. Try again.";
    setSuccess(null);
    setErrors({ summary: [{ field, message }] });
  };
  const succeeded = (heading: string, body?: string) => {
    messageCount.current += 1;
    setErrors(null);
    setSuccess({ id: messageCount.current, heading, body });
  };

  const changeRole = async (member: TeamMember, role: Role) => {
    if (role === member.role) {
      setSuccess(null);
      setErrors({ summary: [{ field: roleSelectId(member.personId), message: `Choose a different role for ${member.name}` }] });
      return;
    }
    setBusyPersonId(member.personId);
    try {
      await changeMemberRole(details.id, member.personId, role);
      setTeam((current) => current.map((m) => (m.personId === member.personId ? { ...m, role } : m)));
      succeeded(roleChangedMessage(member, role, child));
    } catch (error) {
      failed(error, roleSelectId(member.personId));
    } finally {
      setBusyPersonId(null);
    }
  };

  const remove = async (member: TeamMember) => {
    setBusyPersonId(member.personId);
    const isMe = member.personId === me.id;
    try {
      await removeMember(details.id, member.personId);
      const remaining = team.filter((m) => m.personId !== member.personId);
      setRemoving(null);
      // Someone who leaves a team they only saw as a member can no longer open this case.
      if (isMe && casePermissions(remaining, me).role === null) return navigate(paths.myCases());
      setTeam(remaining);
      succeeded(removedMessage(member, child, isMe), isMe ? undefined : `They can no longer open ${child}'s records.`);
    } catch (error) {
      setRemoving(null);
      failed(error);
    } finally {
      setBusyPersonId(null);
    }
  };

  const cancelRemoving = () => {
    const personId = removing?.personId;
    setRemoving(null);
    if (personId) focusAfterRender(removeButtonId(personId));
  };

  return (
    <>
      <Breadcrumbs
        trail={[
          homeCrumb,
          { href: paths.case(details.id), label: details.name },
        ]}
      />
      {errors && <ErrorSummary errors={errors} />}
      {success && <SuccessBanner success={success} />}
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>Everyone on the team can see {child}'s case. What they can open depends on their role, and on what the family has agreed to share.</p>
          {may.manage ? (
            <p>
              Change someone's role, or remove them when they no longer work with {child}. To add someone, invite them from{" "}
              <Link href={paths.case(details.id)}>{child}'s case page</Link>.
            </p>
          ) : (
            <p>{teamChangeNote(readerOf(me, details))}</p>
          )}
          {removing && (
            <RemoveMemberQuestion
              key={removing.personId}
              member={removing}
              childFirstName={child}
              isMe={removing.personId === me.id}
              busy={busyPersonId === removing.personId}
              onYes={() => void remove(removing)}
              onCancel={cancelRemoving}
            />
          )}
        </div>
      </div>
      <TeamMembersTable
        team={team}
        childFirstName={child}
        keyworkerId={details.keyworker?.id ?? null}
        youngPersonId={linked?.personId ?? null}
        meId={me.id}
        parentsNote={parentKeptOutNote(details.parentsSharing, child, linked?.personId === me.id)}
        needs={needs}
        recordNeedsAt={(member) =>
          mayRecordCommunicationNeeds({ isSelf: member.personId === me.id, isOwnKeyworker, subjectCaseRole: member.role }) && member.personId !== me.id
            ? paths.memberCommunicationNeeds(details.id, member.personId)
            : null
        }
        manage={
          may.manage
            ? {
                busyPersonId,
                onChangeRole: (member, role) => void changeRole(member, role),
                onAskToRemove: (member) => {
                  setErrors(null);
                  setSuccess(null);
                  setRemoving(member);
                },
              }
            : null
        }
      />
      {sharesContactDetails(me.role) && (
        <p>
          <Link href={paths.contactDetails()}>Change your phone number or working hours</Link>
        </p>
      )}
      <YoungPersonLink
        details={details}
        team={team}
        me={me}
        child={child}
        linked={linked}
        onChanged={(now, message) => {
          setLinked(now);
          succeeded(message);
        }}
        onFailed={failed}
      />
    </>
  );
}
