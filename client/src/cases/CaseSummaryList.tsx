/** The facts at the top of a case: RAG rating, keyworker and next meeting. */
import type { CaseDetail } from "@roundtable/domain";
import { formatNextMeeting } from "./format-meeting";
import { ragRatingMeaning, RagRatingTag } from "./RagRatingTag";

export function CaseSummaryList({ details }: { details: CaseDetail }) {
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">RAG rating</dt>
        <dd className="nhsuk-summary-list__value">
          <RagRatingTag rating={details.ragRating} /> <span className="rt-rag-meaning">{ragRatingMeaning(details.ragRating)}</span>
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Keyworker</dt>
        <dd className="nhsuk-summary-list__value">{details.keyworker?.name ?? "Not allocated"}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Next meeting</dt>
        <dd className="nhsuk-summary-list__value">{formatNextMeeting(details.nextMeetingAt)}</dd>
      </div>
    </dl>
  );
}
