/**
 * "Before the meeting": the comments and written contributions people have sent, in the order
 * they came, so the chair has them all in one place while running the meeting.
 */
import type { Meeting, MeetingContribution } from "@roundtable/domain";
import { formatMeetingTime } from "../cases/format-meeting";
import { PageLoading } from "../layout/PageLoading";
import { ContributionForm } from "./ContributionForm";
import { useContributions } from "./use-contributions";

export function Contributions({ meeting }: { meeting: Meeting }) {
  const { list, send } = useContributions(meeting.id);
  const caseName = (c: MeetingContribution) => meeting.cases.find((k) => k.id === c.caseId)?.name;

  return (
    <section className="rt-contributions rt-no-print" aria-labelledby="contributions-heading" data-testid="contributions">
      <h2 className="nhsuk-heading-m" id="contributions-heading">
        Before the meeting
      </h2>
      {list.status === "loading" && <PageLoading label="Loading comments…" />}
      {list.status === "failed" && (
        <>
          <p>{list.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={list.retry}>
            Try loading the comments again
          </button>
        </>
      )}
      {list.status === "loaded" && list.data.length === 0 && <p>No one has sent comments yet.</p>}
      {list.status === "loaded" && list.data.length > 0 && (
        <ol className="nhsuk-list rt-contributions__list">
          {list.data.map((c) => (
            <li key={c.id} className="rt-contribution" data-testid="contribution">
              <p className="rt-contribution__who">
                <strong>{c.name}</strong>{" "}
                <span className="rt-contribution__when">
                  {formatMeetingTime(c.createdAt)}
                  {caseName(c) && `, about ${caseName(c)}`}
                </span>
              </p>
              <p className="rt-contribution__text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      {meeting.status === "minutes-agreed" ? (
        <p>The minutes are agreed, so comments are closed.</p>
      ) : (
        <ContributionForm meeting={meeting} send={send} />
      )}
    </section>
  );
}
