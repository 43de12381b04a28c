/**
 * Who an ICB lead oversees (issue 13): every child on the register of the keyworking services
 * their ICB commissions (`icb_commissions`: one ICB may commission several services, in other
 * council areas, so oversight crosses services; the lead's own service plays no part), each
 * child gated by the family's consent to share with the ICB, the latest record deciding — as
 * everywhere else the ICB is gated (sharing-consent.ts). Nobody else oversees anyone.
 *
 * Set-based throughout: one query, whatever the number of children.
 */
import { schema, type Db } from "@roundtable/db";
import { and, eq, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Person } from "../auth/sessions.js";
import { sharesWith } from "./sharing-consent.js";

type Overseer = Pick<Person, "role" | "agencyId">;

/** The ICB agency whose commissions decide what this person oversees, or null when they oversee nothing. */
function icbOf(person: Overseer): string | null {
  return person.role === "icb-lead" ? person.agencyId : null;
}

/**
 * Whether the ICB (an agency id, or a column naming one) oversees the child of this case row:
 * it is an ICB, it commissions the child's service, and the child's family shares with it.
 */
function overseenBy(icb: string | SQLWrapper, child: { id: SQLWrapper; serviceId: SQLWrapper }): SQL {
  const ic = schema.icbCommissions;
  const a = schema.agencies;
  const commissioned = sql`exists (select 1 from ${ic} join ${a} on ${a.id} = ${ic.icbAgencyId} and ${a.kind} = 'icb' where ${ic.serviceId} = ${child.serviceId} and ${ic.icbAgencyId} = ${icb})`;
  return and(commissioned, sharesWith(icb, child.id))!;
}

/**
 * The ids of the children this person oversees, as a subquery for a condition on a case id
 * (`inArray(schema.actions.caseId, overseenCases(db, person))`); null when they oversee none.
 */
export function overseenCases(db: Db, person: Overseer) {
  const icb = icbOf(person);
  return icb === null ? null : db.select({ id: schema.cases.id }).from(schema.cases).where(overseenBy(icb, schema.cases));
}

/** The children this person oversees: all of them, or those among `restrictTo`. */
export async function overseenCaseIds(db: Db, person: Overseer, restrictTo?: readonly string[]): Promise<Set<string>> {
  const icb = icbOf(person);
  if (icb === null || restrictTo?.length === 0) return new Set();
  const rows = await db
    .select({ id: schema.cases.id })
    .from(schema.cases)
    .where(and(restrictTo ? inArray(schema.cases.id, [...new Set(restrictTo)]) : undefined, overseenBy(icb, schema.cases)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The ICB agencies whose leads oversee the child of the CETR whose document this is (none when
 * it is no CETR's document): who, beyond the people who may open it, hears that its actions
 * changed.
 */
export async function icbAgenciesFollowingCetrDocument(db: Db, documentId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: schema.agencies.id })
    .from(schema.agencies)
    .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, documentId))
    .innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId))
    .where(overseenBy(schema.agencies.id, schema.cases));
  return new Set(rows.map((r) => r.id));
}

/** Whether this person leads for one of these ICB agencies (and so oversees what they oversee). */
export function leadsFor(person: Overseer, icbAgencyIds: ReadonlySet<string>): boolean {
  const icb = icbOf(person);
  return icb !== null && icbAgencyIds.has(icb);
}
