/**
 * The relationships a network map offers when two people are connected or a relationship is
 * changed: the ones every service has (defaultRelationshipLabels), followed by the service's own,
 * which its service lead chooses (Postgres, `relationship_labels`). Offered, not enforced: a map's
 * document keeps each relationship as plain text, so a word taken off the service's list leaves
 * the relationships already using it as they are, and anyone editing a map may still write
 * another ("Other…").
 */
import { z } from "zod";
import { textField } from "../text.js";
import { defaultRelationshipLabels } from "./network-map-words.js";

export const relationshipLabelLimits = {
  /** A service's own words (the defaults not counted): a list a person can read down in a select. */
  maxLabels: 30,
  /** One word or a short phrase ("supervises", "advocate for"): it is drawn on the line between two people. */
  maxLength: 60,
} as const;

const { maxLabels, maxLength } = relationshipLabelLimits;

/** A relationship as the service lead writes it: trimmed, its spaces single, not empty, at most 60 characters. */
export const relationshipLabelSchema = textField({ error: "Write the relationship in words" })
  .trim()
  .min(1, "Write the relationship in words, for example supervises")
  .max(maxLength, `Keep a relationship to ${maxLength} characters`)
  .transform((label) => label.replace(/\s+/g, " "));

/** POST /api/relationship-labels (add one) and PATCH /api/relationship-labels/:id (rename one). */
export const relationshipLabelBodySchema = z.strictObject({ label: relationshipLabelSchema });
export type RelationshipLabelBody = z.infer<typeof relationshipLabelBodySchema>;

/** PUT /api/relationship-labels/:id/position: where in the service's own list it goes, the first being 0. */
export const relationshipLabelPositionBodySchema = z.strictObject({
  position: z
    .number({ error: "Say where in the list it goes, as a number" })
    .int("Say where in the list it goes, as a whole number")
    .min(0, "The first place in the list is 0")
    .max(maxLabels - 1, `The list has at most ${maxLabels} places`),
});
export type RelationshipLabelPositionBody = z.infer<typeof relationshipLabelPositionBodySchema>;

export interface ServiceRelationshipLabel {
  id: string;
  label: string;
}

/** What the service lead manages: the words every service has, and the service's own, in order. */
export interface ServiceRelationshipLabels {
  defaults: readonly string[];
  own: ServiceRelationshipLabel[];
}

/** Two relationships are the same whatever their capitals. */
export function sameRelationship(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The words a map offers: the defaults, then the service's own (one the same as an earlier one is offered once). */
export function relationshipLabelsOffered(own: readonly string[]): string[] {
  const offered: string[] = [];
  for (const label of [...defaultRelationshipLabels, ...own]) if (!offered.some((l) => sameRelationship(l, label))) offered.push(label);
  return offered;
}

/**
 * Why the service cannot have this word (already written, as the service lead wrote it), or null
 * when it can: one every service has, one already on its list (but the one being renamed), or a
 * list already full.
 */
export function relationshipLabelRefusal(label: string, own: readonly ServiceRelationshipLabel[], renaming?: string): string | null {
  const standard = defaultRelationshipLabels.find((l) => sameRelationship(l, label));
  if (standard) return `“${standard}” is offered on every map already`;
  const same = own.find((l) => l.id !== renaming && sameRelationship(l.label, label));
  if (same) return `“${same.label}” is on the list already`;
  if (renaming === undefined && own.length >= maxLabels) return `The list has ${maxLabels} relationships, which is as many as it can hold. Remove one to add another.`;
  return null;
}
