/**
 * The daily digest: one email a day to each person with actions overdue or due within a week,
 * or with notifications of a kind they chose to hear of in the daily email (unread, since their
 * last one), when email is configured. It gives counts and links, not the actions themselves — the
 * details of a child's care stay behind sign-in. A row per person per day in email_digests
 * means a restart never sends the same day's digest twice.
 */
import { outstandingStatuses, todayInEngland } from "@roundtable/domain";
import { schema, type Db, type RunAlone } from "@roundtable/db";
import { and, desc, eq, exists, inArray, isNull, lte, notExists, sql, type SQLWrapper } from "drizzle-orm";
import type { Logger } from "pino";
import type { Mailer } from "./mailer.js";
import { personById } from "../auth/sessions.js";
import { documentsVisibleTo } from "../access/visible-documents.js";
import { digestLineFor } from "./email-wording.js";
import { stillOpenable, unreadCounted } from "./inbox.js";
import { repeatEvery, type RepeatingJob } from "../repeating-job.js";

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Notifications gathered for the daily email: unread, of a kind the person chose it for (since
 * they chose it: earlier ones were emailed straight away), since their last one (a week at most).
 */
function gatheredFor(db: Db, personId: SQLWrapper | string, today: string) {
  const n = schema.notifications;
  const p = schema.emailPreferences;
  const previous = sql`(select max(${schema.emailDigests.sentAt}) from ${schema.emailDigests} where ${schema.emailDigests.personId} = ${n.personId} and ${schema.emailDigests.day} < ${today})`;
  return and(
    eq(n.personId, personId),
    isNull(n.readAt),
    sql`${n.createdAt} > greatest(${previous}, now() - interval '7 days')`,
    exists(db.select({ one: sql`1` }).from(p).where(and(eq(p.personId, n.personId), eq(p.kind, n.kind), eq(p.choice, "daily-digest"), sql`${n.createdAt} > ${p.updatedAt}`))),
  );
}

export async function sendDailyDigests(db: Db, mailer: Mailer, publicUrl: string, today: string): Promise<number> {
  const dueSoon = and(
    isNull(schema.actions.removedAt),
    lte(schema.actions.dueDate, addDays(today, 7)),
    inArray(schema.actions.status, [...outstandingStatuses]),
  );
  const notSentToday = (personId: SQLWrapper) =>
    notExists(
      db
        .select({ one: sql`1` })
        .from(schema.emailDigests)
        .where(and(eq(schema.emailDigests.personId, personId), eq(schema.emailDigests.day, today))),
    );
  // Only people not yet sent today's digest: the job runs every ten minutes, and a later run
  // must not read the whole table again.
  const owners = await db
    .selectDistinct({ personId: schema.people.id, email: schema.people.email, name: schema.people.name })
    .from(schema.actions)
    .innerJoin(schema.people, eq(schema.people.id, schema.actions.ownerId))
    .where(and(dueSoon, notSentToday(schema.actions.ownerId)));
  // And people with notifications waiting for the daily email (by their choice per kind).
  const waiting = await db
    .selectDistinct({ personId: schema.people.id, email: schema.people.email, name: schema.people.name })
    .from(schema.notifications)
    .innerJoin(schema.people, eq(schema.people.id, schema.notifications.personId))
    .where(and(gatheredFor(db, schema.notifications.personId, today), notSentToday(schema.notifications.personId)));
  const recipients = new Map([...owners, ...waiting].map((p) => [p.personId, p]));
  let sent = 0;
  for (const owner of recipients.values()) {
    const person = await personById(db, owner.personId);
    if (!person) continue;
    // Counted only where the person may open the record: actions in the database, so a busy
    // owner costs a few queries, not one per record; notifications as the inbox counts them.
    const visible = await documentsVisibleTo(db, person);
    const [counts] = visible
      ? await db
          .select({
            overdue: sql<number>`count(*) filter (where ${schema.actions.dueDate} < ${today})`.mapWith(Number),
            thisWeek: sql<number>`count(*) filter (where ${schema.actions.dueDate} >= ${today})`.mapWith(Number),
          })
          .from(schema.actions)
          .where(and(dueSoon, eq(schema.actions.ownerId, owner.personId), inArray(schema.actions.documentId, visible.ids)))
      : [];
    const gathered = await stillOpenable(
      db,
      person,
      await db
        .select({ kind: schema.notifications.kind, link: schema.notifications.link })
        .from(schema.notifications)
        .where(gatheredFor(db, person.id, today))
        .orderBy(desc(schema.notifications.createdAt))
        .limit(unreadCounted),
    );
    const p = { ...owner, overdue: counts?.overdue ?? 0, thisWeek: counts?.thisWeek ?? 0 };
    if (p.overdue + p.thisWeek === 0 && gathered.length === 0) continue;
    // Claim today's digest first: if two servers run the job, only one sends it.
    const claimed = await db.insert(schema.emailDigests).values({ personId: p.personId, day: today }).onConflictDoNothing().returning();
    if (claimed.length === 0) continue;
    await mailer.send({ to: p.email, ...digestEmail(p, gathered, publicUrl) });
    sent++;
  }
  return sent;
}

function digestEmail(p: { name: string; overdue: number; thisWeek: number }, gathered: { kind: string }[], publicUrl: string): { subject: string; text: string } {
  const parts = [p.overdue ? `${p.overdue} overdue` : null, p.thisWeek ? `${p.thisWeek} due in the next 7 days` : null].filter(Boolean);
  const byKind = new Map<string, number>();
  for (const g of gathered) byKind.set(g.kind, (byKind.get(g.kind) ?? 0) + 1);
  const actions = parts.length > 0 ? `You have ${parts.join(" and ")}.\n\nSee them in My actions: ${publicUrl}/actions\n\n` : "";
  const news =
    gathered.length > 0
      ? `Since your last daily email:\n${[...byKind].map(([kind, count]) => `- ${digestLineFor(kind, count)}`).join("\n")}\n\nSee them in Notifications: ${publicUrl}/notifications\n\n`
      : "";
  const subject = parts.length > 0 ? `Your actions today: ${parts.join(", ")}` : `Your notifications today: ${gathered.length} new`;
  return { subject, text: `Dear ${p.name},\n\n${actions}${news}Roundtable` };
}

export function startDailyDigestJob(db: Db, runAlone: RunAlone, mailer: Mailer, publicUrl: string, digestHour: number, log: Logger): RepeatingJob {
  return repeatEvery({ everyMs: 10 * 60_000, runAtStart: true, what: "sending the daily digests", log, once: { name: "daily digest", runAlone } }, async () => {
    const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "numeric", hour12: false }).format(new Date()));
    if (hour < digestHour) return;
    const sent = await sendDailyDigests(db, mailer, publicUrl, todayInEngland());
    if (sent > 0) log.info({ sent }, "sent daily digests");
  });
}
