/**
 * Sessions: a random token in an httpOnly cookie; only its SHA-256 is stored, so a leaked
 * database row cannot be replayed as a cookie.
 */
import { createHash, randomBytes } from "node:crypto";
import { schema, type Db } from "@roundtable/db";
import type { Role } from "@roundtable/domain";
import { and, eq, gt } from "drizzle-orm";

export const sessionCookieName = "rt_session";

export interface Person {
  id: string;
  serviceId: string;
  name: string;
  email: string;
  role: Role;
  agencyId: string | null;
  agencyName: string | null;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A session's stored id: the hash of its token, safe to keep in memory and logs. */
export const sessionIdOf = hashToken;

export async function createSession(db: Db, personId: string, days: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  await db.insert(schema.sessions).values({ id: hashToken(token), personId, expiresAt });
  return { token, expiresAt };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(schema.sessions).where(eq(schema.sessions.id, hashToken(token)));
}

/** Ends every session of this person (e.g. their password was reset); the ids of those ended. */
export async function endAllSessionsOf(db: Db, personId: string): Promise<string[]> {
  const ended = await db.delete(schema.sessions).where(eq(schema.sessions.personId, personId)).returning({ id: schema.sessions.id });
  return ended.map((session) => session.id);
}

/** A person by id, as a session would give them (for re-checking access of open connections). */
export async function personById(db: Db, personId: string): Promise<Person | null> {
  const { people, agencies } = schema;
  const rows = await db
    .select({ id: people.id, serviceId: people.serviceId, name: people.name, email: people.email, role: people.role, agencyId: people.agencyId, agencyName: agencies.name })
    .from(people)
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(eq(people.id, personId))
    .limit(1);
  return rows[0] ?? null;
}

/** The person behind a session token, or null when the token is unknown or expired. */
export async function personForSession(db: Db, token: string | undefined): Promise<Person | null> {
  if (!token || token.length > 200) return null;
  const { people, agencies, sessions } = schema;
  const rows = await db
    .select({
      id: people.id,
      serviceId: people.serviceId,
      name: people.name,
      email: people.email,
      role: people.role,
      agencyId: people.agencyId,
      agencyName: agencies.name,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .leftJoin(agencies, eq(agencies.id, people.agencyId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return rows[0] ?? null;
}

/** Read one cookie from a raw Cookie header (for websocket upgrades and socket.io handshakes). */
export function cookieFromHeader(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eqAt = part.indexOf("=");
    if (eqAt < 0) continue;
    if (part.slice(0, eqAt).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eqAt + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
