/**
 * `GET /api/cetr-actions`: the CETR actions a person may see (cetrActionsAccess), filtered, a
 * page at a time, soonest due first (no due date last). One query: the person's scope, the
 * filters and the page are all conditions in it, and the escalations are counted in it.
 */
import { schema, type Db } from "@roundtable/db";
import { isOverdue, todayInEngland, type CetrActionRow, type CetrActionsQuery } from "@roundtable/domain";
import { and, asc, eq, isNull, not, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cetrActionsAccess } from "../access/cetr-actions-access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";
import { stopIfCancelled } from "../errors.js";
import { actionOwner, agencyOfAction, dueKey, dueWithin, escalationCount, overdueOn, withAgency } from "./cetr-action-terms.js";

export interface CetrActionPage {
  rows: CetrActionRow[];
  /** The action to ask for the next page after (`after`), or null when this is the last page. */
  nextAfter: string | null;
}

const a = schema.actions;


export async function listCetrActions(
  db: Db,
  person: Person,
  query: CetrActionsQuery & { limit: number },
  options: { now?: Date; signal?: AbortSignal } = {},
): Promise<CetrActionPage> {
  const { cases } = orRefuse(cetrActionsAccess(db, person));
  const today = todayInEngland(options.now);
  const where: (SQL | undefined)[] = [isNull(a.removedAt), cases];
  // Overdue and due soon are ranges of the list's order, so its index is read from there.
  if (query.overdue === "true") where.push(overdueOn(today));
  if (query.overdue === "false") where.push(not(overdueOn(today)));
  if (query.dueWithinDays !== undefined) where.push(dueWithin(today, query.dueWithinDays));
  if (query.agencyId) where.push(withAgency(db, query.agencyId));
  if (query.ownerId) where.push(eq(a.ownerId, query.ownerId));
  if (query.caseId) where.push(eq(a.caseId, query.caseId));
  if (query.after) {
    const last = alias(a, "last_shown");
    const shown = db.select({ due: sql`coalesce(${last.dueDate}, 'infinity'::date)`, id: last.id }).from(last).where(eq(last.id, query.after));
    where.push(sql`(${dueKey}, ${a.id}) > (${shown})`);
  }
  stopIfCancelled(options.signal);
  const found = await db
    .select({
      id: a.id,
      cetrId: schema.cetrs.id,
      caseId: a.caseId,
      text: a.text,
      ownerId: a.ownerId,
      ownerAgencyId: agencyOfAction,
      dueDate: a.dueDate,
      status: a.status,
      escalations: escalationCount,
    })
    .from(a)
    .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, a.documentId))
    .innerJoin(schema.cases, eq(schema.cases.id, a.caseId))
    .leftJoin(actionOwner, eq(actionOwner.id, a.ownerId))
    .where(and(...where))
    .orderBy(asc(dueKey), asc(a.id))
    // One more than the page: whether there is a next page, without counting them all.
    .limit(query.limit + 1);
  const rows = found.slice(0, query.limit).map((r): CetrActionRow => ({ ...r, overdue: isOverdue(r, today) }));
  return { rows, nextAfter: found.length > query.limit ? rows.at(-1)!.id : null };
}
