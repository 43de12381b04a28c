/** Which rows of a case's team count for access (ADR 0012, ADR 0026). */
import { schema } from "@roundtable/db";
import { adultFromAge, decidesFromAge, todayInEngland } from "@roundtable/domain";
import { sql, type SQL } from "drizzle-orm";

/**
 * Team rows that count (teamRoleThatCounts in packages/domain, as SQL for queries over many
 * rows): a young-person row counts only for the account linked as the case's young person
 * (ADR 0012); a parent row counts only while the young person's own decision lets their parents
 * see their records (parentsMayOpen, ADR 0026: from 16 unless they declined, from 18 only if
 * they agreed). Every query that reads someone's role on a case for access filters with this.
 */
export function membershipCounts(today: string = todayInEngland()): SQL {
  const m = schema.caseMembers;
  const c = schema.consents;
  // The young person's latest decision: true when given and in force, false when declined or withdrawn, null when none.
  const given = sql`(select ${c.decision} = 'given' and ${c.withdrawnAt} is null from ${c} where ${c.caseId} = parents_case.id and ${c.kind} = 'share-with-parents' order by ${c.recordedAt} desc limit 1)`;
  const atLeast = (years: number) => sql`parents_case.date_of_birth <= (${today}::date - make_interval(years => ${years}))`;
  const youngPersonCounts = sql`(${m.role} <> 'young-person' or exists (select 1 from ${schema.cases} where ${schema.cases.id} = ${m.caseId} and ${schema.cases.youngPersonId} = ${m.personId}))`;
  const parentCounts = sql`(${m.role} <> 'parent' or not exists (select 1 from ${schema.cases} parents_case where parents_case.id = ${m.caseId} and ${atLeast(decidesFromAge)} and case when ${atLeast(adultFromAge)} then not coalesce(${given}, false) else not coalesce(${given}, true) end))`;
  return sql`(${youngPersonCounts} and ${parentCounts})`;
}
