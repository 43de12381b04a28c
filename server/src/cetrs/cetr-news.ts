/**
 * Who is told what about a CETR: the ICB leads overseeing the child when one is requested; the
 * chair, as the date for agreeing the report comes near (the service sets how long after the
 * CETR it must be circulated: cetr_report_days, two weeks unless it says otherwise); and, once
 * agreed, everyone who may now read the report — the family among them — which is how it is
 * circulated. In-app, and by email in general words (notifications/email-wording.ts).
 */
import { schema, type Db, type RunAlone } from "@roundtable/db";
import { cetrDocumentAccess, todayInEngland, ukCalendarDate } from "@roundtable/domain";
import { and, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Logger } from "pino";
import { personById } from "../auth/sessions.js";
import { standingToCetr, type CetrRow } from "../access/cetr-standing.js";
import type { Notifier } from "../notifications/notifier.js";
import { repeatEvery, type RepeatingJob } from "../repeating-job.js";

/** The chair is reminded this many days before the report is due (and on any later day it is still not agreed, once). */
export const reportReminderDaysBefore = 3;

async function peopleWhoMayRead(db: Db, cetr: CetrRow, candidates: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of new Set(candidates)) {
    const person = await personById(db, id);
    if (person && cetrDocumentAccess(await standingToCetr(db, person, cetr), cetr.status) !== "none") out.push(id);
  }
  return out;
}

/** The ICB leads who may arrange it: on the child's team, or from an ICB commissioning the child's service. */
async function overseeingIcbLeads(db: Db, cetr: CetrRow): Promise<string[]> {
  const commissioning = db.select({ id: schema.icbCommissions.icbAgencyId }).from(schema.icbCommissions).where(eq(schema.icbCommissions.serviceId, cetr.serviceId));
  const onTeam = db.select({ id: schema.caseMembers.personId }).from(schema.caseMembers).where(eq(schema.caseMembers.caseId, cetr.caseId));
  const leads = await db
    .select({ id: schema.people.id })
    .from(schema.people)
    .where(and(eq(schema.people.role, "icb-lead"), or(inArray(schema.people.agencyId, commissioning), inArray(schema.people.id, onTeam))))
    .limit(50);
  return peopleWhoMayRead(db, cetr, leads.map((l) => l.id));
}

export async function tellOfRequest(db: Db, notifier: Notifier, cetr: CetrRow, caseName: string): Promise<void> {
  await notifier.notify(await overseeingIcbLeads(db, cetr), {
    kind: "cetr-requested",
    title: `CETR requested for ${caseName}`,
    body: `${caseName}'s keyworker has asked for a ${cetr.setting} CETR. Arrange a date, a chair and the panel.`,
    link: `/cetrs/${cetr.id}`,
  });
}

/** Circulation: everyone who may read the agreed report is told it is ready. */
export async function circulateReport(db: Db, notifier: Notifier, cetr: CetrRow, caseName: string): Promise<void> {
  const team = await db.select({ id: schema.caseMembers.personId }).from(schema.caseMembers).where(eq(schema.caseMembers.caseId, cetr.caseId));
  const readers = await peopleWhoMayRead(db, cetr, [...team.map((t) => t.id), ...(await overseeingIcbLeads(db, cetr)), ...(cetr.chairId ? [cetr.chairId] : [])]);
  await notifier.notify(readers, {
    kind: "cetr-report-agreed",
    title: `CETR report agreed: ${caseName}`,
    body: `The report of ${caseName}'s CETR${cetr.heldOn ? ` on ${ukCalendarDate(cetr.heldOn)}` : ""} is agreed. You can read it, its actions and the easy-read summary in Roundtable.`,
    link: `/cetrs/${cetr.id}`,
  });
}

/** Remind the chairs of held CETRs whose report is due within a few days and not yet agreed. Returns how many were reminded. */
export async function remindChairsOfReports(db: Db, notifier: Notifier, today: string): Promise<number> {
  const soon = new Date(`${today}T12:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + reportReminderDaysBefore);
  const due = await db
    .select({ cetr: schema.cetrs, caseName: schema.cases.name })
    .from(schema.cetrs)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId))
    .where(and(eq(schema.cetrs.status, "held"), isNull(schema.cetrs.reminderSentAt), lte(schema.cetrs.reportDueOn, soon.toISOString().slice(0, 10))))
    .limit(500);
  for (const { cetr, caseName } of due) {
    await db.update(schema.cetrs).set({ reminderSentAt: new Date() }).where(eq(schema.cetrs.id, cetr.id));
    if (!cetr.chairId) continue;
    const late = cetr.reportDueOn! < today;
    await notifier.notify([cetr.chairId], {
      kind: "cetr-report-due",
      title: `${late ? "Overdue" : "Due soon"}: CETR report for ${caseName}`,
      body: `The report of ${caseName}'s CETR should be agreed and circulated by ${ukCalendarDate(cetr.reportDueOn!)}.`,
      link: `/cetrs/${cetr.id}`,
    });
  }
  return due.length;
}

export function startCetrReportJob(db: Db, runAlone: RunAlone, notifier: Notifier, log: Logger, everyMs: number): RepeatingJob {
  return repeatEvery({ everyMs, runAtStart: true, what: "reminding CETR chairs of reports due", log, once: { name: "cetr report reminders", runAlone } }, async () => {
    const reminded = await remindChairsOfReports(db, notifier, todayInEngland());
    if (reminded > 0) log.info({ reminded }, "reminded CETR chairs of reports due");
  });
}
