/**
 * The young person's own say in what their parents see (ADR 0026), as the case page shows it:
 * to the people who run the case and to the young person themselves, never to anyone else.
 * Who may open records follows the same rule in the access layer (membershipCounts).
 */
import { schema, type Db } from "@roundtable/db";
import {
  ageOn,
  caseManagerRoles,
  effectiveCaseRole,
  parentsMayOpen,
  parentsSharingDecision,
  todayInEngland,
  youngPersonDecides,
  type ParentsSharing,
} from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import type { VisibleCase } from "../access/access.js";
import type { Person } from "../auth/sessions.js";

export async function parentsSharingFor(db: Db, person: Person, visible: VisibleCase): Promise<ParentsSharing | null> {
  const role = effectiveCaseRole(visible.caseRole, person.role);
  if (role === null || !(caseManagerRoles.includes(role) || role === "young-person")) return null;
  const records = await db
    .select({ kind: schema.consents.kind, decision: schema.consents.decision, recordedAt: schema.consents.recordedAt, withdrawnAt: schema.consents.withdrawnAt })
    .from(schema.consents)
    .where(and(eq(schema.consents.caseId, visible.caseRow.id), eq(schema.consents.kind, "share-with-parents")));
  const decision = parentsSharingDecision(
    records.map((r) => ({ kind: r.kind, agency: null, decision: r.decision, recordedAt: r.recordedAt.toISOString(), withdrawn: r.withdrawnAt ? { by: null, at: r.withdrawnAt.toISOString() } : null })),
  );
  const age = visible.caseRow.dateOfBirth ? ageOn(visible.caseRow.dateOfBirth, todayInEngland()) : null;
  return { age, decides: youngPersonDecides(age), decision, parentsMayOpen: parentsMayOpen({ age, decision }) };
}
