/**
 * The daily digest: one email a day to each person with actions overdue or due within a week,
 * when email is configured. It gives counts and a link, not the actions themselves — the
 * details of a child's care stay behind sign-in. A row per person per day in email_digests
 * means a restart never sends the same day's digest twice.
 */
import { outstandingStatuses, todayInEngland } from "@roundtable/domain";
import { schema, type Db } from "@roundtable/db";
import { and, eq, inArray, isNull, lte, notExists, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Mailer } from "./mailer.js";
import { personById } from "../auth/sessions.js";
import { documentsVisibleTo } from "../access/visible-documents.js";

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function sendDailyDigests(db: Db, mailer: Mailer, publicUrl: string, today: string): Promise<number> {
  const dueSoon = and(
    isNull(schema.actions.removedAt),
    lte(schema.actions.dueDate, addDays(today, 7)),
    inArray(schema.actions.status, [...outstandingStatuses]),
  );
  // Only owners not yet sent today's digest: the job runs every ten minutes, and a later run
  // must not read the whole table again.
  const owners = await db
    .selectDistinct({ personId: schema.people.id, email: schema.people.email, name: schema.people.name })
    .from(schema.actions)
    .innerJoin(schema.people, eq(schema.people.id, schema.actions.ownerId))
    .where(
      and(
        dueSoon,
        notExists(
          db
            .select({ one: sql`1` })
            .from(schema.emailDigests)
            .where(and(eq(schema.emailDigests.personId, schema.actions.ownerId), eq(schema.emailDigests.day, today))),
        ),
      ),
    );
  let sent = 0;
  for (const owner of owners) {
    const person = await personById(db, owner.personId);
    // Counted only where the owner may open the record the action is in: in the database, so a
    // busy owner costs a few queries, not one per record.
    const visible = person ? await documentsVisibleTo(db, person) : null;
    if (!visible) continue;
    const [counts] = await db
      .select({
        overdue: sql<number>`count(*) filter (where ${schema.actions.dueDate} < ${today})`.mapWith(Number),
        thisWeek: sql<number>`count(*) filter (where ${schema.actions.dueDate} >= ${today})`.mapWith(Number),
      })
      .from(schema.actions)
      .where(and(dueSoon, eq(schema.actions.ownerId, owner.personId), inArray(schema.actions.documentId, visible.ids)));
    const p = { ...owner, overdue: counts?.overdue ?? 0, thisWeek: counts?.thisWeek ?? 0 };
    if (p.overdue + p.thisWeek === 0) continue;
    // Claim today's digest first: if two servers run the job, only one sends it.
    const claimed = await db.insert(schema.emailDigests).values({ personId: p.personId, day: today }).onConflictDoNothing().returning();
    if (claimed.length === 0) continue;
    const parts = [p.overdue ? `${p.overdue} overdue` : null, p.thisWeek ? `${p.thisWeek} due in the next 7 days` : null].filter(Boolean);
    await mailer.send({
      to: p.email,
      subject: `Your actions today: ${parts.join(", ")}`,
      text: `Dear ${p.name},\n\nYou have ${parts.join(" and ")}.\n\nSee them in My actions: ${publicUrl}/actions\n\nRoundtable`,
    });
    sent++;
  }
  return sent;
}

export function startDailyDigestJob(db: Db, mailer: Mailer, publicUrl: string, digestHour: number, log: Logger): () => void {
  const run = async () => {
    const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "numeric", hour12: false }).format(new Date()));
    if (hour < digestHour) return;
    try {
      const sent = await sendDailyDigests(db, mailer, publicUrl, todayInEngland());
      if (sent > 0) log.info({ sent }, "sent daily digests");
    } catch (err) {
      log.error({ err }, "daily digest failed; it will try again");
    }
  };
  void run();
  const timer = setInterval(() => void run(), 10 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
