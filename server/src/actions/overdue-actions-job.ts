/**
 * The overdue-actions job: once an action's due date has passed and it is still outstanding,
 * its owner is told — once per due date — without anyone having to open a page. Runs at start
 * and then on a timer.
 */
import { outstandingStatuses, todayInEngland, ukCalendarDate } from "@roundtable/domain";
import { schema, type Db, type RunAlone } from "@roundtable/db";
import { and, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { Logger } from "pino";
import type { PersonNotification } from "../realtime/presence.js";
import { documentOpenChecker } from "../access/may-open.js";
import { repeatEvery, type RepeatingJob } from "../repeating-job.js";

/** Tell the owners of newly overdue actions. Returns how many were told. */
export async function notifyOverdueActions(db: Db, today: string, deliver: (n: PersonNotification[]) => Promise<void>): Promise<number> {
  const due = await db
    .select({ id: schema.actions.id, ownerId: schema.actions.ownerId, text: schema.actions.text, dueDate: schema.actions.dueDate, caseName: schema.cases.name, documentId: schema.actions.documentId })
    .from(schema.actions)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.actions.caseId))
    .where(
      and(
        isNull(schema.actions.removedAt),
        isNull(schema.actions.overdueNotifiedAt),
        isNotNull(schema.actions.ownerId),
        lt(schema.actions.dueDate, today),
        inArray(schema.actions.status, [...outstandingStatuses]),
      ),
    )
    .limit(1000);
  if (due.length === 0) return 0;
  // Nobody is told about a record they may not open (a parent named in professionals-only minutes).
  const mayOpen = documentOpenChecker(db);
  const tell: typeof due = [];
  for (const d of due) if (await mayOpen(d.ownerId!, d.documentId)) tell.push(d);
  const created = await db.transaction(async (tx) => {
    // Only the actions still not told about are told about now: a run on another process that
    // got past its lock (its connection dropped mid-run) and marked them first has told them.
    const marked = await tx
      .update(schema.actions)
      .set({ overdueNotifiedAt: new Date() })
      .where(and(inArray(schema.actions.id, due.map((d) => d.id)), isNull(schema.actions.overdueNotifiedAt)))
      .returning({ id: schema.actions.id });
    const ours = new Set(marked.map((m) => m.id));
    const toTell = tell.filter((d) => ours.has(d.id));
    if (toTell.length === 0) return [];
    return tx
      .insert(schema.notifications)
      .values(
        toTell.map((d) => ({
          personId: d.ownerId!,
          kind: "action-overdue",
          title: `Overdue: ${d.text}`,
          body: `This action for ${d.caseName} was due on ${ukCalendarDate(d.dueDate!)}. Update it, or move its due date.`,
          link: `/documents/${d.documentId}#action-${d.id}`,
        })),
      )
      .returning();
  });
  await deliver(created.map((n) => ({ personId: n.personId, id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link })));
  return created.length;
}

export function startOverdueActionsJob(db: Db, runAlone: RunAlone, log: Logger, everyMs: number, deliver: (n: PersonNotification[]) => Promise<void>): RepeatingJob {
  return repeatEvery({ everyMs, runAtStart: true, what: "telling owners about overdue actions", log, once: { name: "overdue actions", runAlone } }, async () => {
    const told = await notifyOverdueActions(db, todayInEngland(), deliver);
    if (told > 0) log.info({ told }, "told owners about overdue actions");
  });
}
