/**
 * Access checks as a yes or no, for code that only needs to know whether someone is let in:
 * filtering a list, joining a presence room, re-checking an open connection, telling people
 * things. A refusal is no. A failure to check (the database) is thrown, never a no: the caller
 * decides what "could not check" means where it is (ADR 0015).
 */
import type { Db } from "@roundtable/db";
import { personById, type Person } from "../auth/sessions.js";
import { documentAccessFor, visibleCase } from "./access.js";
import { meetingAccessFor } from "./meeting-access.js";

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
