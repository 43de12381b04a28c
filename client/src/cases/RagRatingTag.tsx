/** A case's RAG rating as an NHS.UK tag: the word is always there, the colour only helps. */
import { isRagRating, ragRatingLabels, type RagRating, type RecordedRagRating } from "@roundtable/domain";

const tagClass: Record<RagRating, string> = {
  red: "nhsuk-tag--red",
  amber: "nhsuk-tag--orange",
  green: "nhsuk-tag--green",
  blue: "nhsuk-tag--blue",
};

const shortLabel: Record<RagRating, string> = {
  red: "Red",
  amber: "Amber",
  green: "Green",
  blue: "Blue",
};

/** What the rating means, e.g. "high risk of admission now"; nothing for a level a service added. */
export function ragRatingMeaning(rating: RecordedRagRating): string {
  if (!isRagRating(rating)) return "";
  const label = ragRatingLabels[rating];
  const dash = label.indexOf(" — ");
  return dash === -1 ? label : label.slice(dash + 3);
}

/**
 * Nothing for a rating not sent (the family and the young person are never shown one). `label`
 * names a level a service added as the service writes it ("Yellow").
 */
export function RagRatingTag({ rating, label }: { rating: RecordedRagRating | null; label?: string }) {
  if (rating === null) return null;
  // A level a service added (some areas add yellow) has no colour here: grey, named as recorded.
  if (!isRagRating(rating)) return <strong className="nhsuk-tag nhsuk-tag--grey">{label ?? rating}</strong>;
  return <strong className={`nhsuk-tag ${tagClass[rating]}`}>{shortLabel[rating]}</strong>;
}
