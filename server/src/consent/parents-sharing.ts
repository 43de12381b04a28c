/**
 * The young person's own say in what their parents see (ADR 0026), as the case page shows it:
 * to the people who run the case and to the young person themselves (`seesParentsSharing`),
 * never to anyone else. Who may open records follows the same rule in the access layer
 * (membershipCounts); booking and inviting ask `parentsSharingOf` to refuse a parent kept out.
 */
import { schema, type Db } from "@roundtable/db";
import {
  ageOn,
  effectiveCaseRole,
  latestParentsSharing,
  parentsMayOpen,
  seesParentsSharing,
  todayInEngland,
  youngPersonDecides,
  type ParentsSharing,
} from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import type { CaseRow, VisibleCase } from "../access/access.js";
import type { Person } from "../auth/sessions.js";

/** What holds for this child now, whoever asks: for the server's own decisions, not to be sent as it is. */
export async function parentsSharingOf(db: Db, caseRow: Pick<CaseRow, "id" | "dateOfBirth">): Promise<ParentsSharing> {
  const records = await db
    .select({ kind: schema.consents.kind, decision: schema.consents.decision, recordedAt: schema.consents.recordedAt, withdrawnAt: schema.consents.withdrawnAt })
    .from(schema.consents)
    .where(and(eq(schema.consents.caseId, caseRow.id), eq(schema.consents.kind, "share-with-parents")));
  const { decision, decidedAt } = latestParentsSharing(
    records.map((r) => ({ kind: r.kind, agency: null, decision: r.decision, recordedAt: r.recordedAt.toISOString(), withdrawn: r.withdrawnAt ? { by: null, at: r.withdrawnAt.toISOString() } : null })),
  );
  const age = caseRow.dateOfBirth ? ageOn(caseRow.dateOfBirth, todayInEngland()) : null;
  return { age, decides: youngPersonDecides(age), decision, decidedAt, parentsMayOpen: parentsMayOpen({ age, decision }) };
}

/** The decision as this person may be told it: null for everyone but those who run the case and the young person. */
export function parentsSharingTold(person: Person, visible: VisibleCase, sharing: ParentsSharing): ParentsSharing | null {
  return seesParentsSharing(effectiveCaseRole(visible.caseRole, person.role)) ? sharing : null;
}
