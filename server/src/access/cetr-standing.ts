/**
 * How a person stands to a CETR (packages/domain cetr-access.ts reads it): on its panel, the ICB
 * lead overseeing the child, one of the child's keyworkers, the service lead, a professional on
 * the team, the family, or none. The facts are looked up here; the rules are the domain's.
 */
import { schema, type Db } from "@roundtable/db";
import { isFamilyRole, type CetrStanding } from "@roundtable/domain";
import { and, eq, isNull, or } from "drizzle-orm";
import { caseRoleOf } from "./access.js";
import { casesSharingWith, sharingConsentedFor } from "./sharing-consent.js";
import { overseenCaseIds } from "./icb-oversight.js";
import type { Person } from "../auth/sessions.js";

export type CetrRow = typeof schema.cetrs.$inferSelect;

/**
 * Whether an ICB lead oversees this child for its CETRs: their ICB commissions the child's service
 * (icb-oversight.ts, which gates by the family's consent), or they are on the child's team and the
 * family shares with their ICB.
 */
export async function icbLeadOversees(db: Db, person: Person, c: { caseId: string; serviceId: string }): Promise<boolean> {
  if (person.role !== "icb-lead" || !person.agencyId) return false;
  if ((await overseenCaseIds(db, person, [c.caseId])).has(c.caseId)) return true;
  const onTeam = person.serviceId === c.serviceId && (await caseRoleOf(db, person.id, c.caseId)) === "icb-lead";
  return onTeam && (await casesSharingWith(db, person.agencyId, [c.caseId])).has(c.caseId);
}

/** This person's standing to the child's CETRs, apart from a panel place (which is per CETR). */
export async function standingToCase(db: Db, person: Person, c: { caseId: string; serviceId: string }): Promise<CetrStanding> {
  if (await icbLeadOversees(db, person, c)) return "icb-lead";
  if (person.serviceId !== c.serviceId) return "none";
  const caseRole = await caseRoleOf(db, person.id, c.caseId);
  if (caseRole === "keyworker" || caseRole === "senior-keyworker") return "keyworking";
  if (person.role === "service-lead") return "service-lead";
  if (caseRole === "professional") return (await sharingConsentedFor(db, person, caseRole, c.caseId)) ? "team-professional" : "none";
  if (caseRole !== null && isFamilyRole(caseRole)) return "family";
  return "none";
}

/** This person's standing to one CETR: a panel place that has not ended counts first. */
export async function standingToCetr(db: Db, person: Person, cetr: Pick<CetrRow, "id" | "caseId" | "serviceId">): Promise<CetrStanding> {
  const [place] = await db
    .select({ place: schema.cetrPanel.place })
    .from(schema.cetrPanel)
    .where(and(eq(schema.cetrPanel.cetrId, cetr.id), eq(schema.cetrPanel.personId, person.id), isNull(schema.cetrPanel.endedAt)))
    .limit(1);
  const onCase = await standingToCase(db, person, cetr);
  // The ICB lead and keyworkers keep their own standing; anyone else on the panel writes as the panel.
  if (place && (onCase === "none" || onCase === "team-professional" || onCase === "service-lead")) return "panel";
  return onCase;
}

/** The CETR whose report or easy-read summary this document is, if it is one. */
export async function cetrOfDocument(db: Db, documentId: string): Promise<CetrRow | null> {
  const [row] = await db
    .select()
    .from(schema.cetrs)
    .where(or(eq(schema.cetrs.documentId, documentId), eq(schema.cetrs.easyReadDocumentId, documentId)))
    .limit(1);
  return row ?? null;
}
