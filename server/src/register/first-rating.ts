/**
 * A case made on the register starts its RAG history: the rating it was given, from nothing,
 * with why. Whatever makes a case (accepting a referral, the demo seed) writes this in the same
 * transaction as the case, so every child's history begins where their rating did.
 */
import { schema, type Db } from "@roundtable/db";
import type { RecordedRagRating } from "@roundtable/domain";

export interface FirstRating {
  caseId: string;
  rating: RecordedRagRating;
  reason: string;
  /** Who gave it; null when nobody can be named (a case made before history was kept). */
  byId: string | null;
  /** When; now unless the rating was given earlier. */
  at?: Date;
}

export async function recordFirstRating(tx: Db, first: FirstRating): Promise<void> {
  await tx.insert(schema.ragChanges).values({
    caseId: first.caseId,
    fromRating: null,
    toRating: first.rating,
    reason: first.reason,
    byId: first.byId,
    ...(first.at ? { at: first.at } : {}),
  });
}
