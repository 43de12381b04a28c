/** The case page's "Meetings" section: every meeting about this case (or reviewing it), newest first. */
import { meetingTypeLabels, type Meeting } from "@roundtable/domain";
import { listCaseMeetings } from "../api/api";
import { useResource } from "../api/use-resource";
import { useMe } from "../auth/session-context";
import { PageLoading } from "../layout/PageLoading";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { mayBookMeetings } from "../meetings/meeting-permissions";
import { MeetingStatusTag } from "../meetings/MeetingStatusTag";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";
import { formatMeetingTime } from "./format-meeting";

export function CaseMeetings({ caseId, headingId }: { caseId: string; headingId: string }) {
  const me = useMe();
  const meetings = useResource(() => listCaseMeetings(caseId), `case-meetings:${caseId}`);

  return (
    <section aria-labelledby={headingId} data-testid="case-meetings">
      <h2 id={headingId}>Meetings</h2>
      {meetings.status === "loading" && <PageLoading label="Loading the meetings…" />}
      {meetings.status === "failed" && (
        <>
          <p>{meetings.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={meetings.retry}>
            Try loading the meetings again
          </button>
        </>
      )}
      {meetings.status === "loaded" && <MeetingsTable meetings={meetings.data} />}
      {mayBookMeetings(me.role) && (
        <Link className="nhsuk-button nhsuk-button--secondary" href={paths.newMeeting(caseId)}>
          Book a meeting
        </Link>
      )}
    </section>
  );
}

function MeetingsTable({ meetings }: { meetings: readonly Meeting[] }) {
  if (meetings.length === 0) return <p>No meetings have been booked for this case yet.</p>;
  return (
    <ResponsiveTable caption="Meetings, newest first" captionSize="s" headings={["Meeting", "When", "Status"]}>
      {meetings.map((meeting) => (
        <tr key={meeting.id} className="nhsuk-table__row" role="row" data-testid="meeting-row">
          <Cell heading="Meeting" rowHeader>
            <Link href={paths.meeting(meeting.id)}>{meeting.title}</Link>
            {/* The type, unless the title already says it ("Review meeting: Jamie Walker"). */}
            {!meeting.title.startsWith(meetingTypeLabels[meeting.type]) && (
              <span className="rt-meeting-row__type">{meetingTypeLabels[meeting.type]}</span>
            )}
          </Cell>
          <Cell heading="When">{formatMeetingTime(meeting.startsAt)}</Cell>
          <Cell heading="Status">
            <MeetingStatusTag status={meeting.status} />
          </Cell>
        </tr>
      ))}
    </ResponsiveTable>
  );
}
