/**
 * "What the colours mean", beside every RAG rating: each rating's name and meaning, read from
 * @roundtable/domain so the legend and the tags never disagree. Closed until asked for.
 */
import { ragRatings } from "@roundtable/domain";
import { ragRatingMeaning, RagRatingTag } from "./RagRatingTag";
import "./rag-legend.css";

export function RagLegend() {
  return (
    <details className="nhsuk-details rt-rag-legend" data-testid="rag-legend">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">What the RAG colours mean</span>
      </summary>
      <div className="nhsuk-details__text">
        <dl className="rt-rag-legend__list">
          {ragRatings.map((rating) => (
            <div key={rating} className="rt-rag-legend__row">
              <dt>
                <RagRatingTag rating={rating} />
              </dt>
              <dd>{ragRatingMeaning(rating)}</dd>
            </div>
          ))}
        </dl>
        <p className="nhsuk-body-s">Blue does not mean low risk: it means the child is already in hospital.</p>
      </div>
    </details>
  );
}
