/**
 * Who may list CETR actions, and whose (cetrActionsScope in packages/domain): as a condition on
 * the case an action is about (`schema.cases`, joined by the caller), so a list reads only what
 * the person may see. An ICB lead: the children they oversee (icb-oversight.ts); a keyworker:
 * their own caseload; a senior keyworker: the children whose team they are on; the service
 * lead: the whole service. Anyone else is refused, as the page itself tells them.
 */
import { schema, type Db } from "@roundtable/db";
import { cetrActionsScope } from "@roundtable/domain";
import { and, eq, inArray, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Person } from "../auth/sessions.js";
import { forbiddenRefusal, granted, type AccessAnswer } from "./access-answer.js";
import { overseenCases } from "./icb-oversight.js";
import { membershipCounts } from "./team-membership.js";

export function cetrActionsAccess(db: Db, person: Person): AccessAnswer<{ cases: SQL }> {
  const scope = cetrActionsScope(person.role);
  if (scope === null) return forbiddenRefusal("The CETR actions dashboard is for ICB leads and keyworking staff. Your own actions are in My actions.");
  const c = schema.cases;
  const inService = eq(c.serviceId, person.serviceId);
  const onTeam = inArray(
    c.id,
    db
      .select({ id: schema.caseMembers.caseId })
      .from(schema.caseMembers)
      .where(and(eq(schema.caseMembers.personId, person.id), membershipCounts())),
  );
  switch (scope) {
    case "overseen": {
      const overseen = overseenCases(db, person);
      return granted({ cases: overseen ? inArray(c.id, overseen) : sql`false` });
    }
    case "own-caseload":
      return granted({ cases: and(inService, onTeam, or(eq(c.keyworkerId, person.id), eq(c.secondKeyworkerId, person.id)))! });
    case "own-cases":
      return granted({ cases: and(inService, onTeam)! });
    case "service":
      return granted({ cases: inService });
  }
}

/**
 * The children a `cases` condition lets through, read once and handed on as a list: a query that
 * sums or sorts many rows then tests each against a set (a hash), not against the consent and
 * oversight rules row by row. The list travels as one array literal, so a prepared statement's
 * plan does not depend on its length.
 */
export async function visibleCaseList(db: Db, cases: SQL): Promise<{ count: number; has: (caseId: SQLWrapper) => SQL }> {
  const rows = await db.select({ id: schema.cases.id }).from(schema.cases).where(cases);
  const literal = `{${rows.map((r) => r.id).join(",")}}`;
  return { count: rows.length, has: (caseId) => sql`${caseId} in (select unnest(${literal}::uuid[]))` };
}
