/** Where a meeting has got to, as an NHS.UK tag: the words always there, the colour only helps. */
import { meetingStatusLabels, type MeetingStatus } from "@roundtable/domain";

const tagClass: Record<MeetingStatus, string> = {
  scheduled: "nhsuk-tag--blue",
  "in-progress": "nhsuk-tag--green",
  ended: "nhsuk-tag--yellow",
  "minutes-agreed": "nhsuk-tag--grey",
};

export function MeetingStatusTag({ status, testId }: { status: MeetingStatus; testId?: string }) {
  return (
    <strong className={`nhsuk-tag ${tagClass[status]}`} data-testid={testId} data-status={status}>
      {meetingStatusLabels[status]}
    </strong>
  );
}
