/**
 * The facts at the top of a case: RAG rating (with what the colours mean) for professionals,
 * keyworker and next meeting for everyone — for the family, who is helping and what happens next.
 */
import type { CaseDetail } from "@roundtable/domain";
import type { CaseWords } from "./case-words";
import { RagLegend } from "./RagLegend";
import { formatNextMeeting } from "./format-meeting";
import { ragRatingMeaning, RagRatingTag } from "./RagRatingTag";

/** `showRating` false where the page shows the rating in a section of its own (RagRatingSection). */
export function CaseSummaryList({ details, words, showRating = true }: { details: CaseDetail; words: CaseWords; showRating?: boolean }) {
  return (
    <dl className="nhsuk-summary-list" data-testid="case-summary">
      {showRating && details.ragRating !== null && (
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">RAG rating</dt>
          <dd className="nhsuk-summary-list__value">
            <RagRatingTag rating={details.ragRating} /> <span className="rt-rag-meaning">{ragRatingMeaning(details.ragRating)}</span>
            <RagLegend />
          </dd>
        </div>
      )}
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">{words.keyworkerLabel}</dt>
        <dd className="nhsuk-summary-list__value">{words.keyworkerName(details.keyworker?.name ?? null)}</dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Next meeting</dt>
        <dd className="nhsuk-summary-list__value">{formatNextMeeting(details.nextMeetingAt)}</dd>
      </div>
    </dl>
  );
}
