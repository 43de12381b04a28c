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

export interface CetrActionsScope {
  /** A condition on `schema.cases` (joined by the caller). */
  cases: SQL;
  /**
   * The same children as a condition on any column holding a case id, for a query that sums or
   * sorts many rows of a table kept per child (the figures): a set it is tested against, not the
   * rules worked out row by row.
   */
  seen: (caseId: SQLWrapper) => SQL;
}

export function cetrActionsAccess(db: Db, person: Person): AccessAnswer<CetrActionsScope> {
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
      if (!overseen) return granted({ cases: sql`false`, seen: () => sql`false` });
      return granted({ cases: inArray(c.id, overseen), seen: (caseId) => inArray(caseId, overseen) });
    }
    case "own-caseload":
      return granted(casesWhere(db, and(inService, onTeam, or(eq(c.keyworkerId, person.id), eq(c.secondKeyworkerId, person.id)))!));
    case "own-cases":
      return granted(casesWhere(db, and(inService, onTeam)!));
    case "service":
      return granted(casesWhere(db, inService));
  }
}

function casesWhere(db: Db, cases: SQL): CetrActionsScope {
  return { cases, seen: (caseId) => inArray(caseId, db.select({ id: schema.cases.id }).from(schema.cases).where(cases)) };
}
