/**
 * A child's RAG history said in words and cut into periods for the chart: what each change was
 * ("Amber to Red"), which rating held when over the last year, and the chart's summary for
 * screen readers (the timeline under the chart says the rest).
 */
import { ragLevelOf, type RagChange, type RagLevel, type RecordedRagRating } from "@roundtable/domain";
import { formatUkDate } from "../layout/uk-time";

/** The level's name as the service writes it ("Amber"); a rating the service no longer has, as recorded. */
export function ragLevelLabel(levels: readonly RagLevel[], rating: RecordedRagRating): string {
  const label = ragLevelOf(levels, rating)?.label ?? rating;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "First rating: Amber" for the rating given on joining the register; "Amber to Red" after. */
export function ragChangeWords(change: Pick<RagChange, "from" | "to">, levels: readonly RagLevel[]): string {
  const to = ragLevelLabel(levels, change.to);
  return change.from === null ? `First rating: ${to}` : `${ragLevelLabel(levels, change.from)} to ${to}`;
}

/** One stretch of time in which a rating held, in milliseconds since 1970. */
export interface RagPeriod {
  rating: RecordedRagRating;
  start: number;
  end: number;
  /** Whether the rating was given at `start` (false when it held already as the window began). */
  changedAtStart: boolean;
}

/**
 * The ratings that held between `from` and `to`, oldest first, from a history oldest first.
 * A rating given before `from` is shown from `from`; nothing is shown before the first rating.
 */
export function ragPeriods(history: readonly Pick<RagChange, "to" | "at">[], window: { from: number; to: number }): RagPeriod[] {
  const periods: RagPeriod[] = [];
  history.forEach((change, i) => {
    const at = Date.parse(change.at);
    const next = history[i + 1];
    const until = next ? Date.parse(next.at) : window.to;
    if (until <= window.from || at >= window.to) return;
    const start = Math.max(at, window.from);
    periods.push({ rating: change.to, start, end: Math.min(until, window.to), changedAtStart: at >= window.from });
  });
  return periods;
}

/**
 * What the chart shows, in one sentence: "RAG rating over the last year: Amber at the start,
 * Green from 12 March 2026, Red from 29 October 2026, Red now."
 */
export function ragChartSummary(periods: readonly RagPeriod[], levels: readonly RagLevel[], childFirstName: string): string {
  if (periods.length === 0) return `${childFirstName} has no RAG rating in the last year.`;
  const parts = periods.map((p, i) => {
    const label = ragLevelLabel(levels, p.rating);
    if (i === 0 && !p.changedAtStart) return `${label} at the start`;
    return `${label} from ${formatUkDate(new Date(p.start))}`;
  });
  const now = ragLevelLabel(levels, periods.at(-1)!.rating);
  return `${childFirstName}'s RAG rating over the last year: ${parts.join(", ")}. ${now} now.`;
}
