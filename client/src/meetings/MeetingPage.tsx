/**
 * A meeting, used to run it live: when and where, who is here and who is coming, what people
 * sent beforehand, the agenda item being discussed now, the chair's buttons, and the minutes
 * everyone writes together.
 */
import { meetingTypeLabels, seesCommunicationNeeds, type Meeting } from "@roundtable/domain";
import { useState } from "react";
import type * as Y from "yjs";
import { useMe } from "../auth/session-context";
import { AccessEnded } from "../layout/AccessEnded";
import { Breadcrumbs, homeCrumb, type Crumb } from "../layout/Breadcrumbs";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { paths } from "../navigation/routes";
import { usePageHeading } from "../navigation/use-page-heading";
import { PresenceList } from "../realtime/PresenceList";
import { useAccessRevoked } from "../realtime/use-access-revoked";
import { getMeetingCommunicationNeeds } from "../api/api";
import { useNeedsWords } from "../communication-needs/use-communication-needs";
import { EasyReadMinutes } from "../easy-read/EasyReadMinutes";
import { EasyReadToggle } from "../easy-read/EasyReadToggle";
import { useEasyRead } from "../easy-read/use-easy-read";
import { AgendaNow } from "./AgendaNow";
import { AttendanceList } from "./AttendanceList";
import { Contributions } from "./Contributions";
import { MeetingControls } from "./MeetingControls";
import { MeetingDetails } from "./MeetingDetails";
import { MeetingMinutes } from "./MeetingMinutes";
import { isChair } from "./meeting-permissions";
import { MeetingStatusTag } from "./MeetingStatusTag";
import { useAgendaItems } from "./use-agenda-items";
import { useMeeting } from "./use-meeting";
import "./meeting.css";
import "./meeting-people.css";
import "./meeting-print.css";

function trailTo(meeting: Meeting): [Crumb, ...Crumb[]] {
  const trail: [Crumb, ...Crumb[]] = [homeCrumb];
  const only = meeting.type === "tracker" ? undefined : meeting.cases[0];
  if (only) trail.push({ href: paths.case(only.id), label: only.name });
  return trail;
}

export default function MeetingPage({ meetingId }: { meetingId: string }) {
  const me = useMe();
  const { state, replace } = useMeeting(meetingId);
  const meeting = state.status === "loaded" ? state.data : null;
  const headingRef = usePageHeading(meeting?.title ?? "Meeting");
  const [minutesDoc, setMinutesDoc] = useState<Y.Doc | null>(null);
  const agenda = useAgendaItems(minutesDoc);
  // "Who is here" keeps the page in the meeting's room, where a withdrawal is told. The minutes'
  // own room hears of it first, so their copy on this device goes too (collab-session.ts).
  const revoked = useAccessRevoked(`meeting:${meetingId}`);
  const easy = useEasyRead();
  const chairing = meeting !== null && isChair(meeting, me.id);
  // Communication needs: shown to the chair, so they can meet them (ADR 0023).
  const needs = useNeedsWords(() => getMeetingCommunicationNeeds(meetingId), `needs:meeting:${meetingId}`, seesCommunicationNeeds({ isSelf: false, isOwnKeyworker: false, isChair: chairing }));

  if (state.status === "failed") return <ProblemPage error={state.error} retry={state.retry} />;
  const side = meeting && (
    <>
      <AttendanceList meeting={meeting} myId={me.id} chairing={chairing} onChanged={replace} needs={needs} />
      <Contributions meeting={meeting} />
    </>
  );

  // One tree for loading and loaded, so the heading that took focus is the one that stays.
  return (
    <div className="rt-meeting" data-testid="meeting-page">
      {meeting && <Breadcrumbs trail={trailTo(meeting)} />}
      {meeting && (
        <span className="nhsuk-caption-l">
          {meetingTypeLabels[meeting.type]}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
      )}
      <h1 ref={headingRef} tabIndex={-1} className="rt-meeting__title">
        {meeting?.title ?? "Meeting"}
      </h1>
      {!meeting && <PageLoading label="Opening the meeting…" />}
      {revoked && <AccessEnded title="You no longer have access to this meeting" body="Someone has changed who can see this meeting, so you cannot see it or its minutes now." />}
      {meeting && !revoked && (
        <>
          <p className="rt-meeting__status" aria-live="polite">
            <span className="nhsuk-u-visually-hidden">Status: </span>
            <MeetingStatusTag status={meeting.status} testId="meeting-status" />
          </p>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <MeetingDetails meeting={meeting} />
            </div>
            {/* Live: this list keeps the page in the meeting's room, where its changes are sent. */}
            <aside className="nhsuk-grid-column-one-third rt-no-print" aria-labelledby="who-is-here-heading">
              <PresenceList room={`meeting:${meeting.id}`} heading="Who is here" headingId="who-is-here-heading" />
            </aside>
          </div>
          <AgendaNow meeting={meeting} items={agenda} canSteer={chairing} onChanged={replace} />
          {chairing && <MeetingControls meeting={meeting} onChanged={replace} />}
          {/* Easy read (ADR 0023): the minutes read-only, one idea a line, instead of the editor. */}
          <EasyReadToggle choice={easy} />
          {easy.easyRead ? (
            <EasyReadMinutes meeting={meeting} side={side} />
          ) : (
            <MeetingMinutes meeting={meeting} onDocumentReady={setMinutesDoc} side={side} />
          )}
        </>
      )}
    </div>
  );
}
