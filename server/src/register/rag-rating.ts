/**
 * A child's RAG rating on the Dynamic Support Register, and its history: reading the history
 * and the service's levels, and changing the rating. Professionals only (ADR 0025): the family
 * and the young person are refused as if the case were not there, so no answer to them holds a
 * rating. Every change is a new row, never an overwrite; `cases.rag_rating` is written with it.
 */
import { schema, type Db } from "@roundtable/db";
import {
  effectiveCaseRole,
  firstNameOf,
  mayChangeRagRating,
  mayReadRagHistory,
  needsSharingConsent,
  ragLevelName,
  ragLevelOf,
  ragLevelsOf,
  seesRiskRating,
  type RagChange,
  type RagChangeBody,
  type RagLevel,
  type Role,
} from "@roundtable/domain";
import { desc, eq } from "drizzle-orm";
import { visibleCase, type VisibleCase } from "../access/access.js";
import { forbiddenRefusal, granted, notFoundRefusal, orRefuse, type AccessAnswer } from "../access/access-answer.js";
import { recordAudit } from "../audit/audit-log.js";
import { forbidden, HttpError } from "../errors.js";
import type { Person } from "../auth/sessions.js";

export interface RagRatingDeps {
  db: Db;
  /** Tell the professionals looking at the case that it changed (presence, wired in server.ts). */
  onCaseChanged(caseId: string): void;
  /** At most this many changes are sent (the newest), however long a child has been on the register. */
  maxRows: number;
}

/**
 * The case, if this person may read its RAG history. A family account is refused as not found
 * before anything is looked up (it must not learn even that there is a rating to be refused);
 * a professional whose agency the family does not share with is told so.
 */
async function ragReader(db: Db, person: Person, caseId: string): Promise<AccessAnswer<VisibleCase & { role: Role | null }>> {
  if (!seesRiskRating(person.role)) return notFoundRefusal("That case");
  const visible = await visibleCase(db, person, caseId);
  if (!visible.ok) return visible;
  const role = effectiveCaseRole(visible.caseRole, person.role);
  if (role !== null && !seesRiskRating(role)) return notFoundRefusal("That case");
  if (!mayReadRagHistory({ caseRole: role, sharingConsented: visible.sharingConsented })) {
    if (role !== null && needsSharingConsent(role)) {
      return forbiddenRefusal(`${person.agencyName ?? "Your agency"} cannot see this case's records: the family has not agreed to share information with it, or has withdrawn that consent.`);
    }
    return forbiddenRefusal("Only the people working with this child can see the history of their RAG rating.");
  }
  return granted({ ...visible, role });
}

async function levelsOfService(db: Db, serviceId: string): Promise<RagLevel[]> {
  const [service] = await db.select({ ragLevels: schema.services.ragLevels }).from(schema.services).where(eq(schema.services.id, serviceId));
  return ragLevelsOf(service?.ragLevels);
}

/** The levels the case's service rates by, each with its criteria, most serious first. */
export async function ragLevelsForCase(db: Db, person: Person, caseId: string): Promise<RagLevel[]> {
  const { caseRow } = orRefuse(await ragReader(db, person, caseId));
  return levelsOfService(db, caseRow.serviceId);
}

/** Every change of the child's rating, oldest first (by time, then the order written: ragHistoryInOrder). */
export async function ragHistory(deps: Pick<RagRatingDeps, "db" | "maxRows">, person: Person, caseId: string): Promise<RagChange[]> {
  const { db, maxRows } = deps;
  orRefuse(await ragReader(db, person, caseId));
  const c = schema.ragChanges;
  // The newest rows the bound allows, read newest first and turned round.
  const rows = await db
    .select({ id: c.id, caseId: c.caseId, from: c.fromRating, to: c.toRating, reason: c.reason, byId: c.byId, byName: schema.people.name, at: c.at })
    .from(c)
    .leftJoin(schema.people, eq(schema.people.id, c.byId))
    .where(eq(c.caseId, caseId))
    .orderBy(desc(c.at), desc(c.seq))
    .limit(maxRows);
  return rows.reverse().map((r) => ({
    id: r.id,
    caseId: r.caseId,
    from: r.from,
    to: r.to,
    reason: r.reason,
    by: r.byId && r.byName ? { id: r.byId, name: r.byName } : null,
    at: r.at.toISOString(),
  }));
}

/**
 * Change the rating: the keyworkers and the service lead only, to one of the service's levels,
 * and never to the rating the child already has. The change, the case's rating and the audit
 * event are written together; professionals looking at the case are told once it is committed.
 */
export async function changeRagRating(deps: RagRatingDeps, person: Person, caseId: string, body: RagChangeBody): Promise<RagChange> {
  const { db } = deps;
  const { role, caseRow } = orRefuse(await ragReader(db, person, caseId));
  if (!mayChangeRagRating(role)) {
    throw forbidden("Only the child's keyworkers and the service lead can change the RAG rating. You can read its history.");
  }
  const levels = await levelsOfService(db, caseRow.serviceId);
  const level = ragLevelOf(levels, body.rating);
  if (!level) {
    const names = levels.map((l) => l.label.toLowerCase());
    throw new HttpError(400, "The request body is not valid. Check the details and try again.", {
      rating: `Choose one of the service's levels: ${names.slice(0, -1).join(", ")} or ${names.at(-1)}`,
    });
  }
  const change = await db.transaction(async (tx) => {
    // Locked, so two changes at once are taken one after the other, each from what the other left.
    const [current] = await tx.select({ ragRating: schema.cases.ragRating }).from(schema.cases).where(eq(schema.cases.id, caseId)).for("update");
    if (!current) throw new HttpError(404, "That case was not found.");
    if (current.ragRating === level.rating) {
      throw new HttpError(409, `${firstNameOf(caseRow.name)}'s rating is already ${ragLevelName(levels, level.rating)}.`);
    }
    const at = new Date();
    const [row] = await tx
      .insert(schema.ragChanges)
      .values({ caseId, fromRating: current.ragRating, toRating: level.rating, reason: body.reason, byId: person.id, at })
      .returning({ id: schema.ragChanges.id });
    await tx.update(schema.cases).set({ ragRating: level.rating, updatedAt: at }).where(eq(schema.cases.id, caseId));
    await recordAudit(tx, { actor: person, role, action: "rag-rating-changed", caseId, detail: { changeId: row!.id, from: current.ragRating, to: level.rating } });
    return { id: row!.id, caseId, from: current.ragRating, to: level.rating, reason: body.reason, by: { id: person.id, name: person.name }, at: at.toISOString() } satisfies RagChange;
  });
  deps.onCaseChanged(caseId);
  return change;
}
