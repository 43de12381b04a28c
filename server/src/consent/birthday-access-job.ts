/**
 * A young person's 16th or 18th birthday can change what their parents may open (ADR 0026): at
 * 16 their own decision starts to count, at 18 their parents open only what they agreed to. On
 * the day, open connections follow at once, as after any other change of who may see a case
 * (ADR 0010), not only at the next sign-in.
 */
import { adultFromAge, ageOn, decidesFromAge, todayInEngland } from "@roundtable/domain";
import { schema, type Db } from "@roundtable/db";
import { isNotNull } from "drizzle-orm";
import type { Logger } from "pino";
import type { AccessAnnouncer } from "../access/access-announcer.js";
import { repeatEvery, type RepeatingJob } from "../repeating-job.js";

/** The ages at which parents' access to a young person's records can change. */
const turningPoints = [decidesFromAge, adultFromAge];

/** The cases whose young person reached 16 or 18 after `lastDay` and on or before `today` (ISO dates). */
export async function casesReachingAnAgeThatCounts(db: Db, lastDay: string, today: string): Promise<string[]> {
  const cases = await db.select({ id: schema.cases.id, dateOfBirth: schema.cases.dateOfBirth }).from(schema.cases).where(isNotNull(schema.cases.dateOfBirth));
  return cases
    .filter(({ dateOfBirth }) => {
      const before = ageOn(dateOfBirth!, lastDay);
      const now = ageOn(dateOfBirth!, today);
      return turningPoints.some((age) => before < age && now >= age);
    })
    .map((c) => c.id);
}

/**
 * Looks every `everyMs` whether the day in England has changed; when it has, announces each case
 * whose young person has reached 16 or 18 since. `today` is replaceable for tests. Each server
 * process runs it, and re-checks its own connections only (ADR 0041): run once and told to the
 * others, a process that missed the message would never re-check, and one that had not run it
 * yet would still be on the day before.
 */
export function startBirthdayAccessJob(db: Db, log: Logger, everyMs: number, access: Pick<AccessAnnouncer, "caseAccessChanged">, today: () => string = todayInEngland): RepeatingJob {
  let lastDay = today();
  return repeatEvery({ everyMs, what: "the birthday access check", log, once: null }, async () => {
    const day = today();
    if (day === lastDay) return;
    const caseIds = await casesReachingAnAgeThatCounts(db, lastDay, day);
    lastDay = day; // only once the cases are known: a failed look is tried again
    for (const caseId of caseIds) await access.caseAccessChanged(caseId);
    if (caseIds.length > 0) log.info({ cases: caseIds.length }, "a young person reached 16 or 18: open connections re-checked");
  });
}
