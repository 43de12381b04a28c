/**
 * Access checks as a yes or no, for code that only needs to know whether someone is let in:
 * filtering a list, joining a presence room, re-checking an open connection, telling people
 * things. A refusal is no. A failure to check (the database) is thrown, never a no: the caller
 * decides what "could not check" means where it is (ADR 0015).
 */
import { schema, type Db } from "@roundtable/db";
import { seesWholeService } from "@roundtable/domain";
import { and, eq, exists, inArray, sql } from "drizzle-orm";
import { personById, type Person } from "../auth/sessions.js";
import { documentAccessFor, visibleCase } from "./access.js";
import { meetingAccessFor, meetingAccessMap } from "./meeting-access.js";
import { membershipCounts } from "./team-membership.js";
import { documentsVisibleTo } from "./visible-documents.js";

/** What a check is about: a case, a document, or a meeting. */
export type RecordKind = "case" | "document" | "meeting";

/** May this person open this record now? The same check as opening it. */
export async function mayOpen(db: Db, person: Person, kind: RecordKind, id: string): Promise<boolean> {
  const answer = kind === "case" ? await visibleCase(db, person, id) : kind === "meeting" ? await meetingAccessFor(db, person, id) : await documentAccessFor(db, person, id);
  return answer.ok;
}

/** Ask each key's question once; later asks get the same answer (or the same failure). */
export function askedOnce<T>(): (key: string, ask: () => Promise<T>) => Promise<T> {
  const answers = new Map<string, Promise<T>>();
  return (key, ask) => {
    let answer = answers.get(key);
    if (!answer) {
      answer = ask();
      answers.set(key, answer);
    }
    return answer;
  };
}

/** `mayOpen`, each question asked once however often it is asked (for one list, one piece of news, one run of a job). */
export function mayOpenOnce(db: Db): (person: Person, kind: RecordKind, id: string) => Promise<boolean> {
  const once = askedOnce<boolean>();
  return (person, kind, id) => once(`${person.id}:${kind}:${id}`, () => mayOpen(db, person, kind, id));
}

/**
 * For jobs that tell people about records (overdue actions): may this person open this
 * document now? Answers are kept for one run of the job; someone no longer here may open nothing.
 */
export function documentOpenChecker(db: Db): (personId: string, documentId: string) => Promise<boolean> {
  const once = askedOnce<boolean>();
  return (personId, documentId) =>
    once(`${personId}:${documentId}`, async () => {
      const person = await personById(db, personId);
      return person ? mayOpen(db, person, "document", documentId) : false;
    });
}

/**
 * `mayOpen` for many records at once, in a constant number of queries however many there are:
 * the ids among these the person may open now. The same answers as opening each one (a case:
 * in their service and on its team, or seeing the whole service; a meeting: `meetingAccessMap`;
 * a document: `documentsVisibleTo`).
 */
export async function mayOpenEach(db: Db, person: Person, kind: RecordKind, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  if (kind === "meeting") {
    const access = await meetingAccessMap(db, person, wanted);
    return new Set(wanted.filter((id) => (access.get(id)?.access ?? "none") !== "none"));
  }
  if (kind === "document") {
    const visible = await documentsVisibleTo(db, person);
    if (!visible) return new Set();
    const rows = await db
      .select({ id: schema.documents.id })
      .from(schema.documents)
      .where(and(inArray(schema.documents.id, wanted), inArray(schema.documents.id, visible.ids)));
    return new Set(rows.map((r) => r.id));
  }
  const c = schema.cases;
  const member = db
    .select({ one: sql`1` })
    .from(schema.caseMembers)
    .where(and(eq(schema.caseMembers.caseId, c.id), eq(schema.caseMembers.personId, person.id), membershipCounts()));
  const rows = await db
    .select({ id: c.id })
    .from(c)
    .where(and(inArray(c.id, wanted), eq(c.serviceId, person.serviceId), seesWholeService(person.role) ? undefined : exists(member)));
  return new Set(rows.map((r) => r.id));
}
