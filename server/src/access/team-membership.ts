/** Which rows of a case's team count for access (ADR 0012). */
import { schema } from "@roundtable/db";
import { sql, type SQL } from "drizzle-orm";

/**
 * Team rows that count (teamRoleThatCounts in packages/domain, as SQL for queries over many
 * rows): a young-person row counts only for the account linked as the case's young person
 * (ADR 0012). Every query that reads someone's role on a case for access filters with this.
 */
export function membershipCounts(): SQL {
  return sql`(${schema.caseMembers.role} <> 'young-person' or exists (select 1 from ${schema.cases} where ${schema.cases.id} = ${schema.caseMembers.caseId} and ${schema.cases.youngPersonId} = ${schema.caseMembers.personId}))`;
}
