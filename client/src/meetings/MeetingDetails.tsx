/** When and where a meeting is, who chairs it, which cases it covers (and which CETR a follow-up follows up), and who can see it. */
import { cetrByDate, withheldSectionsWords, type Meeting } from "@roundtable/domain";
import type { ReactNode } from "react";
import { meetingInviteAddress, meetingMinutesPdfAddress } from "../api/api";
import { useRecordMeetingPrints } from "../audit/use-record-prints";
import { formatMeetingTime } from "../cases/format-meeting";
import { RagLegend } from "../cases/RagLegend";
import { RagRatingTag } from "../cases/RagRatingTag";
import { Link } from "../navigation/Link";
import { paths } from "../navigation/routes";

/** Only ordinary web addresses become links: anything else is shown as text. */
function webAddress(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function MeetingDetails({ meeting }: { meeting: Meeting }) {
  const online = meeting.onlineLink ? webAddress(meeting.onlineLink) : null;
  const tracker = meeting.type === "tracker";
  useRecordMeetingPrints(meeting.id);
  return (
    <>
      <dl className="nhsuk-summary-list rt-meeting-details" data-testid="meeting-details">
        <Row label="When">{formatMeetingTime(meeting.startsAt)}</Row>
        <Row label="Where">{meeting.location ?? (meeting.onlineLink ? "Online only" : "Not given yet")}</Row>
        {meeting.onlineLink && (
          <Row label="Online">
            {online ? (
              <a href={online} target="_blank" rel="noreferrer">
                Join the meeting online<span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              meeting.onlineLink
            )}
          </Row>
        )}
        <Row label="Chair">{meeting.chair.name}</Row>
        <Row label={tracker ? "Cases to review" : "Case"}>
          <ul className="nhsuk-list rt-meeting-details__cases">
            {meeting.cases.map((c) => (
              <li key={c.id}>
                <Link href={paths.case(c.id)}>{c.name}</Link> <RagRatingTag rating={c.ragRating} />
              </li>
            ))}
          </ul>
          {meeting.withheldCases > 0 && <p className="nhsuk-body-s rt-meeting-details__withheld">Also {withheldSectionsWords(meeting.withheldCases)}.</p>}
          {meeting.cases.some((c) => c.ragRating !== null) && <RagLegend />}
        </Row>
        {meeting.followsUpCetr && (
          <Row label="Follows up">
            <Link href={paths.cetr(meeting.followsUpCetr.id)}>{cetrByDate(meeting.followsUpCetr)}</Link>
          </Row>
        )}
        <Row label="Who can see it">
          {meeting.visibility === "professionals" ? "Professionals only (not the family)" : "The family and professionals on the case"}
        </Row>
      </dl>
      <div className="rt-meeting-links rt-no-print">
        <a href={meetingInviteAddress(meeting.id)} download="meeting.ics">
          Add to calendar<span className="nhsuk-u-visually-hidden"> (downloads a calendar file)</span>
        </a>
        <a href={meetingMinutesPdfAddress(meeting.id)} download>
          Download the minutes (PDF)
          <span className="nhsuk-u-visually-hidden">
            {meeting.status === "minutes-agreed" ? ", as agreed" : ", a draft until the minutes are agreed"}
          </span>
        </a>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => window.print()}>
          Print the minutes
        </button>
      </div>
    </>
  );
}
