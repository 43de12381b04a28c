/** A case's RAG rating as an NHS.UK tag: the word is always there, the colour only helps. */
import { ragRatingLabels, type RagRating } from "@roundtable/domain";

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

/** What the rating means, e.g. "high risk of admission now". */
export function ragRatingMeaning(rating: RagRating): string {
  const label = ragRatingLabels[rating];
  const dash = label.indexOf(" — ");
  return dash === -1 ? label : label.slice(dash + 3);
}

export function RagRatingTag({ rating }: { rating: RagRating }) {
  return <strong className={`nhsuk-tag ${tagClass[rating]}`}>{shortLabel[rating]}</strong>;
}
