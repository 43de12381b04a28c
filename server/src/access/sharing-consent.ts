/**
 * Sharing consent as access needs it: of these cases, which has the family agreed may share
 * information with this agency? The latest record for the case and agency decides.
 */
import { schema, type Db } from "@roundtable/db";
import { needsSharingConsent, type Role } from "@roundtable/domain";
import { and, desc, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";

export async function casesSharingWith(db: Db, agencyId: string | null, caseIds: readonly string[]): Promise<Set<string>> {
  if (!agencyId || caseIds.length === 0) return new Set();
  const rows = await db
    .selectDistinctOn([schema.consents.caseId], { caseId: schema.consents.caseId, decision: schema.consents.decision, withdrawnAt: schema.consents.withdrawnAt })
    .from(schema.consents)
    .where(and(eq(schema.consents.kind, "share-with-agency"), eq(schema.consents.agencyId, agencyId), inArray(schema.consents.caseId, [...new Set(caseIds)])))
    .orderBy(schema.consents.caseId, desc(schema.consents.recordedAt));
  return new Set(rows.filter((r) => r.decision === "given" && r.withdrawnAt === null).map((r) => r.caseId));
}

/**
 * casesSharingWith as a condition inside a query over cases: whether the family of this case has
 * agreed to share with the agency (an id, or a column naming one). The latest record decides.
 */
export function sharesWith(agencyId: string | null | SQLWrapper, caseId: SQLWrapper): SQL {
  if (agencyId === null) return sql`false`;
  const c = schema.consents;
  return sql`coalesce((select ${c.decision} = 'given' and ${c.withdrawnAt} is null from ${c} where ${c.kind} = 'share-with-agency' and ${c.agencyId} = ${agencyId} and ${c.caseId} = ${caseId} order by ${c.recordedAt} desc limit 1), false)`;
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
