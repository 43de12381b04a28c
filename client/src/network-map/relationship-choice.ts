/**
 * Choosing a relationship's words (the pure part of RelationshipField): one of the words the
 * child's service offers, or "Other…" with words of one's own. A relationship whose words are not
 * offered (written as "Other…", or a word the service has since taken off its list) opens as
 * "Other…" with its words kept, so opening and saving never changes them.
 */
import { networkMapLimits } from "@roundtable/domain";

/** Which of the offered words (by its place in the list), or "other" with the words typed. */
export interface RelationshipChoice {
  chosen: number | "other";
  other: string;
}

export function choiceFor(current: string, offered: readonly string[]): RelationshipChoice {
  const at = offered.indexOf(current);
  return at >= 0 ? { chosen: at, other: "" } : { chosen: "other", other: current };
}

/** The select's value for a choice, and back: each word by its place, so any words at all can be offered. */
export const choiceValue = (choice: RelationshipChoice): string => String(choice.chosen);

export function withValue(choice: RelationshipChoice, value: string): RelationshipChoice {
  return { ...choice, chosen: value === "other" ? "other" : Number(value) };
}

/** The words chosen, or what to say when there are none (or too many) to save. */
export function wordsChosen(choice: RelationshipChoice, offered: readonly string[]): { ok: true; label: string } | { ok: false; message: string } {
  const label = choice.chosen === "other" ? choice.other.trim().replace(/\s+/g, " ") : (offered[choice.chosen] ?? "");
  if (!label) return { ok: false, message: "Write how they are related, or choose from the list" };
  if (label.length > networkMapLimits.maxTextLength) return { ok: false, message: `Keep a relationship to ${networkMapLimits.maxTextLength} characters` };
  return { ok: true, label };
}

/** The connect form's hint: "For example, works with, refers to, family, strained", and how many more the list has. */
export function relationshipExamples(offered: readonly string[], shown = 4): string {
  const more = offered.length - shown;
  return `For example, ${offered.slice(0, shown).join(", ")}${more > 0 ? `, and ${more} more in the list` : ""}`;
}
