/**
 * Every change of a child's RAG rating, newest first: what it changed from and to, when, who
 * changed it, and why in their words. The newest few are shown; the rest on asking. This is the
 * chart's text alternative, and the service's evidence of what changed for the child.
 */
import type { RagChange, RagLevel } from "@roundtable/domain";
import { useState } from "react";
import { formatUkDate } from "../layout/uk-time";
import { ragChangeWords, ragLevelLabel } from "./rag-history-words";
import { RagRatingTag } from "./RagRatingTag";

const shownAtFirst = 3;

export function RagHistoryTimeline({ history, levels, listId }: { history: readonly RagChange[]; levels: readonly RagLevel[]; listId: string }) {
  const [showAll, setShowAll] = useState(false);
  const newestFirst = [...history].reverse();
  const shown = showAll ? newestFirst : newestFirst.slice(0, shownAtFirst);
  if (history.length === 0) return <p>No rating has been recorded yet.</p>;
  return (
    <>
      <ol className="rt-rag-timeline" id={listId} data-testid="rag-timeline">
        {shown.map((change) => (
          <li key={change.id} className="rt-rag-timeline__item">
            <p className="rt-rag-timeline__change">
              <span className="nhsuk-u-visually-hidden">{ragChangeWords(change, levels)}</span>
              <span aria-hidden="true">
                {change.from === null ? (
                  <>
                    First rating <RagRatingTag rating={change.to} label={ragLevelLabel(levels, change.to)} />
                  </>
                ) : (
                  <>
                    <RagRatingTag rating={change.from} label={ragLevelLabel(levels, change.from)} /> to{" "}
                    <RagRatingTag rating={change.to} label={ragLevelLabel(levels, change.to)} />
                  </>
                )}
              </span>
            </p>
            <p className="rt-rag-timeline__when nhsuk-body-s">
              <time dateTime={change.at}>{formatUkDate(change.at)}</time>, by {change.by?.name ?? "someone whose name was not kept"}
            </p>
            <p className="rt-rag-timeline__reason">{change.reason}</p>
          </li>
        ))}
      </ol>
      {history.length > shownAtFirst && (
        <button type="button" className="rt-rag-timeline__more" aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll((v) => !v)}>
          {showAll ? "Show only the latest changes" : `Show all ${history.length} changes`}
        </button>
      )}
    </>
  );
}
