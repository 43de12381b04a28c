/**
 * A change of a child's RAG rating on the Dynamic Support Register: who, when, from what, to
 * what and why. The history is never overwritten; it is the service's main evidence of impact.
 * Professionals only (ADR 0025): never sent to the family or the young person.
 */
import { z } from "zod";
import type { RecordedRagRating } from "../rag-rating.js";
import { textField } from "../text.js";

export const ragReasonMaxLength = 2000;

/** A rating a service may choose: the four every service has, or one it added (checked against the service's levels). */
export const ragChangeBodySchema = z.object({
  rating: textField({ error: "Choose a rating" }).trim().min(1, "Choose a rating").max(40, "That rating name is too long"),
  reason: textField({ error: "Say why the rating is changing" })
    .trim()
    .min(1, "Say why the rating is changing")
    .max(ragReasonMaxLength, `Keep the reason under ${ragReasonMaxLength} characters`),
});
export type RagChangeBody = z.infer<typeof ragChangeBodySchema>;

export interface RagChange {
  id: string;
  caseId: string;
  /** Null for the first rating given when the child was accepted onto the register. */
  from: RecordedRagRating | null;
  to: RecordedRagRating;
  reason: string;
  by: { id: string; name: string } | null;
  at: string;
}

/** Oldest first; changes at the same instant keep the order they were written in (by id is not an order, so by sequence). */
export function ragHistoryInOrder<T extends { at: string; seq: number }>(changes: readonly T[]): T[] {
  return [...changes].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.seq - b.seq);
}

/** A level a service uses, with its own written criteria, shown where the rating is chosen. */
export interface RagLevel {
  rating: RecordedRagRating;
  label: string;
  criteria: string;
}
