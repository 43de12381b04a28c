/**
 * Sessions end by signing out or by expiring. Signing out closes its sockets at once; this job
 * finds open sockets whose session has since expired (or been deleted) and closes them too, so
 * nobody keeps reading or editing on a session that no longer lets them in. Each server process
 * runs it for the sockets it holds (ADR 0041).
 */
import { schema, type Db } from "@roundtable/db";
import { and, gt, inArray } from "drizzle-orm";
import type { Logger } from "pino";
import { repeatEvery, type RepeatingJob } from "../repeating-job.js";

export interface SessionHolder {
  sessionIds(): string[] | Promise<string[]>;
  endSession(sessionId: string, reason: string): unknown;
}

export const sessionEndedReason = "Your session has ended. Sign in again to carry on.";

/** Close what is open on sessions no longer valid; returns how many sessions were ended. */
export async function endExpiredSessions(db: Db, holders: readonly SessionHolder[], now = new Date()): Promise<number> {
  const open = new Set<string>();
  for (const holder of holders) for (const id of await holder.sessionIds()) open.add(id);
  if (open.size === 0) return 0;
  const valid = await db
    .select({ id: schema.sessions.id })
    .from(schema.sessions)
    .where(and(inArray(schema.sessions.id, [...open]), gt(schema.sessions.expiresAt, now)));
  for (const { id } of valid) open.delete(id);
  for (const id of open) for (const holder of holders) await holder.endSession(id, sessionEndedReason);
  return open.size;
}

export function startSessionExpiryJob(db: Db, log: Logger, everyMs: number, holders: readonly SessionHolder[]): RepeatingJob {
  return repeatEvery({ everyMs, what: "checking for expired sessions", log, once: null }, async () => {
    const ended = await endExpiredSessions(db, holders);
    if (ended > 0) log.info({ ended }, "closed connections of expired sessions");
  });
}
