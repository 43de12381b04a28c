/**
 * Sharing consent as access needs it: of these cases, which has the family agreed may share
 * information with this agency? The latest record for the case and agency decides.
 */
import { schema, type Db } from "@roundtable/db";
import { needsSharingConsent, type Role } from "@roundtable/domain";
import { and, desc, eq, inArray } from "drizzle-orm";

export async function casesSharingWith(db: Db, agencyId: string | null, caseIds: readonly string[]): Promise<Set<string>> {
  if (!agencyId || caseIds.length === 0) return new Set();
  const rows = await db
    .selectDistinctOn([schema.consents.caseId], { caseId: schema.consents.caseId, decision: schema.consents.decision, withdrawnAt: schema.consents.withdrawnAt })
    .from(schema.consents)
    .where(and(eq(schema.consents.kind, "share-with-agency"), eq(schema.consents.agencyId, agencyId), inArray(schema.consents.caseId, [...new Set(caseIds)])))
    .orderBy(schema.consents.caseId, desc(schema.consents.recordedAt));
  return new Set(rows.filter((r) => r.decision === "given" && r.withdrawnAt === null).map((r) => r.caseId));
}

/** Whether this person, in this role, may see the case's records as far as consent goes. */
export async function sharingConsentedFor(db: Db, person: { agencyId: string | null }, role: Role | null, caseId: string): Promise<boolean> {
  if (role === null || !needsSharingConsent(role)) return true;
  return (await casesSharingWith(db, person.agencyId, [caseId])).has(caseId);
}

/** Of these agencies, which has the family of this case agreed may share its information? The latest record for each decides. */
export async function agenciesSharingOn(db: Db, caseId: string, agencyIds: readonly (string | null)[]): Promise<Set<string>> {
  const ids = [...new Set(agencyIds.filter((a): a is string => a !== null))];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectDistinctOn([schema.consents.agencyId], { agencyId: schema.consents.agencyId, decision: schema.consents.decision, withdrawnAt: schema.consents.withdrawnAt })
    .from(schema.consents)
    .where(and(eq(schema.consents.kind, "share-with-agency"), eq(schema.consents.caseId, caseId), inArray(schema.consents.agencyId, ids)))
    .orderBy(schema.consents.agencyId, desc(schema.consents.recordedAt));
  return new Set(rows.filter((r) => r.decision === "given" && r.withdrawnAt === null).map((r) => r.agencyId!));
}
