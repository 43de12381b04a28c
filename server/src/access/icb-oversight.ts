/**
 * Who an ICB lead oversees (issue 13): every child on the register of the keyworking services
 * their ICB commissions (`icb_commissions`: one ICB may commission several services, in other
 * council areas, so oversight crosses services; the lead's own service plays no part), each
 * child gated by the family's consent to share with the ICB, the latest record deciding — as
 * everywhere else the ICB is gated (sharing-consent.ts). Nobody else oversees anyone.
 *
 * The database keeps the answer as those records change (`icb_oversight`, ADR 0036; the rule is
 * in the migration that made it), so every question here is a look-up in it, whatever the
 * number of children.
 */
import { schema, type Db } from "@roundtable/db";
import { and, eq, inArray } from "drizzle-orm";
import type { Person } from "../auth/sessions.js";

type Overseer = Pick<Person, "role" | "agencyId">;

const o = schema.icbOversight;

/** The ICB agency whose commissions decide what this person oversees, or null when they oversee nothing. */
function icbOf(person: Overseer): string | null {
  return person.role === "icb-lead" ? person.agencyId : null;
}

/**
 * The ids of the children this person oversees, as a subquery for a condition on a case id
 * (`inArray(schema.actions.caseId, overseenCases(db, person))`); null when they oversee none.
 */
export function overseenCases(db: Db, person: Overseer) {
  const icb = icbOf(person);
  return icb === null ? null : db.select({ id: o.caseId }).from(o).where(eq(o.icbAgencyId, icb));
}

/** The children this person oversees: all of them, or those among `restrictTo`. */
export async function overseenCaseIds(db: Db, person: Overseer, restrictTo?: readonly string[]): Promise<Set<string>> {
  const icb = icbOf(person);
  if (icb === null || restrictTo?.length === 0) return new Set();
  const rows = await db
    .select({ id: o.caseId })
    .from(o)
    .where(and(eq(o.icbAgencyId, icb), restrictTo ? inArray(o.caseId, [...new Set(restrictTo)]) : undefined));
  return new Set(rows.map((r) => r.id));
}

/**
 * The ICB agencies whose leads oversee the child of the CETR whose document this is (none when
 * it is no CETR's document): who, beyond the people who may open it, hears that its actions
 * changed.
 */
export async function icbAgenciesFollowingCetrDocument(db: Db, documentId: string): Promise<Set<string>> {
  const rows = await db.select({ id: o.icbAgencyId }).from(o).innerJoin(schema.cetrs, eq(schema.cetrs.caseId, o.caseId)).where(eq(schema.cetrs.documentId, documentId));
  return new Set(rows.map((r) => r.id));
}

/** Whether this person leads for one of these ICB agencies (and so oversees what they oversee). */
export function leadsFor(person: Overseer, icbAgencyIds: ReadonlySet<string>): boolean {
  const icb = icbOf(person);
  return icb !== null && icbAgencyIds.has(icb);
}
