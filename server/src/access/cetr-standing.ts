/**
 * How a person stands to a CETR (packages/domain cetr-access.ts reads it): on its panel, the ICB
 * lead overseeing the child, one of the child's keyworkers, the service lead, a professional on
 * the team, the family, or none. The facts are looked up here; the rules are the domain's.
 */
import { schema, type Db } from "@roundtable/db";
import { cetrDocumentAccess, isFamilyRole, needsSharingConsent, type AccessLevel, type CetrStanding } from "@roundtable/domain";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { caseRolesOf } from "./access.js";
import { casesSharingWith } from "./sharing-consent.js";
import { overseenCaseIds } from "./icb-oversight.js";
import type { Person } from "../auth/sessions.js";

export type CetrRow = typeof schema.cetrs.$inferSelect;

/**
 * Whether an ICB lead oversees this child for its CETRs: their ICB commissions the child's service
 * (icb-oversight.ts, which gates by the family's consent), or they are on the child's team and the
 * family shares with their ICB.
 */
export async function icbLeadOversees(db: Db, person: Person, c: { caseId: string; serviceId: string }): Promise<boolean> {
  return (await standingToCases(db, person, [c])).get(c.caseId) === "icb-lead";
}

/** This person's standing to the child's CETRs, apart from a panel place (which is per CETR). */
export async function standingToCase(db: Db, person: Person, c: { caseId: string; serviceId: string }): Promise<CetrStanding> {
  return (await standingToCases(db, person, [c])).get(c.caseId) ?? "none";
}

/**
 * The same for several children at once, in three queries whatever their number: the children
 * the person oversees as an ICB lead, their places on the children's teams, and which families
 * share with their agency.
 */
export async function standingToCases(db: Db, person: Person, children: readonly { caseId: string; serviceId: string }[]): Promise<Map<string, CetrStanding>> {
  const caseIds = [...new Set(children.map((c) => c.caseId))];
  const isIcbLead = person.role === "icb-lead" && person.agencyId !== null;
  const [overseen, roles, sharing] = await Promise.all([
    isIcbLead ? overseenCaseIds(db, person, caseIds) : Promise.resolve(new Set<string>()),
    caseRolesOf(db, person.id, caseIds),
    casesSharingWith(db, person.agencyId, caseIds),
  ]);
  const standings = new Map<string, CetrStanding>();
  for (const c of children) {
    const caseRole = roles.get(c.caseId) ?? null;
    const inService = person.serviceId === c.serviceId;
    const standing = ((): CetrStanding => {
      if (isIcbLead && (overseen.has(c.caseId) || (inService && caseRole === "icb-lead" && sharing.has(c.caseId)))) return "icb-lead";
      if (!inService) return "none";
      if (caseRole === "keyworker" || caseRole === "senior-keyworker") return "keyworking";
      if (person.role === "service-lead") return "service-lead";
      if (caseRole === "professional") return !needsSharingConsent(caseRole) || sharing.has(c.caseId) ? "team-professional" : "none";
      if (caseRole !== null && isFamilyRole(caseRole)) return "family";
      return "none";
    })();
    standings.set(c.caseId, standing);
  }
  return standings;
}

/** This person's standing to one CETR: a panel place that has not ended counts first. */
export async function standingToCetr(db: Db, person: Person, cetr: Pick<CetrRow, "id" | "caseId" | "serviceId">): Promise<CetrStanding> {
  const [place] = await db
    .select({ place: schema.cetrPanel.place })
    .from(schema.cetrPanel)
    .where(and(eq(schema.cetrPanel.cetrId, cetr.id), eq(schema.cetrPanel.personId, person.id), isNull(schema.cetrPanel.endedAt)))
    .limit(1);
  return withPanelPlace(await standingToCase(db, person, cetr), place !== undefined);
}

/** The ICB lead and keyworkers keep their own standing; anyone else with a panel place writes as the panel. */
export function withPanelPlace(onCase: CetrStanding, hasPlace: boolean): CetrStanding {
  return hasPlace && (onCase === "none" || onCase === "team-professional" || onCase === "service-lead") ? "panel" : onCase;
}

/**
 * What this person may do with each of these documents that is a CETR's report or summary: the
 * CETRs and the person's panel places in two queries, and their standing to all the children in three more.
 */
export async function cetrDocumentLevels(db: Db, person: Person, documentIds: readonly string[]): Promise<Map<string, AccessLevel>> {
  const levels = new Map<string, AccessLevel>();
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) return levels;
  const c = schema.cetrs;
  const cetrs = await db
    .select({ id: c.id, caseId: c.caseId, serviceId: c.serviceId, status: c.status, documentId: c.documentId, easyReadDocumentId: c.easyReadDocumentId })
    .from(c)
    .where(or(inArray(c.documentId, ids), inArray(c.easyReadDocumentId, ids)));
  if (cetrs.length === 0) return levels;
  const places = new Set(
    (
      await db
        .select({ cetrId: schema.cetrPanel.cetrId })
        .from(schema.cetrPanel)
        .where(and(eq(schema.cetrPanel.personId, person.id), isNull(schema.cetrPanel.endedAt), inArray(schema.cetrPanel.cetrId, cetrs.map((c) => c.id))))
    ).map((p) => p.cetrId),
  );
  const byCase = await standingToCases(db, person, cetrs);
  for (const cetr of cetrs) {
    const level = cetrDocumentAccess(withPanelPlace(byCase.get(cetr.caseId) ?? "none", places.has(cetr.id)), cetr.status);
    for (const id of [cetr.documentId, cetr.easyReadDocumentId]) if (id) levels.set(id, level);
  }
  return levels;
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
