/**
 * The words of a passage as a comment quotes them: on one line, and short enough for the API
 * (a long passage keeps its beginning and says it goes on).
 */
import { commentQuoteMaxLength } from "@roundtable/domain";

export function quoteOf(text: string, maxLength = commentQuoteMaxLength): string {
  const words = text.replace(/\s+/g, " ").trim();
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength - 1);
  // End on a whole word when there is one to end on.
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
