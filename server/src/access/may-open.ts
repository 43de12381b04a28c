/**
 * Access checks as plain answers. The checks themselves (documentAccessFor, meetingAccessFor,
 * visibleCase) throw 404 or 403; where code only needs to know whether, or how far, someone is
 * let in — filtering a list, re-checking an open connection, telling people things — these turn
 * a check into that answer, and remember answers so each is asked once.
 */
import type { Db } from "@roundtable/db";
import type { AccessLevel } from "@roundtable/domain";
import { documentAccessFor } from "./access.js";
import { personById } from "../auth/sessions.js";

/** The level a check grants, or "none" where it refuses. */
export function accessOrNone(check: Promise<{ access: AccessLevel }>): Promise<AccessLevel> {
  return check.then(
    (found) => found.access,
    () => "none" as const,
  );
}

/** Whether a check lets the person in. */
export function allows(check: Promise<unknown>): Promise<boolean> {
  return check.then(
    () => true,
    () => false,
  );
}

/** Ask each key's question once; later asks get the same answer. */
export function remembering<T>(): (key: string, ask: () => Promise<T>) => Promise<T> {
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

/**
 * For jobs that tell people about records (overdue actions, daily digests): may this person open
 * this document now? The same rules as opening it; answers are kept for one run of the job.
 */
export function documentOpenChecker(db: Db): (personId: string, documentId: string) => Promise<boolean> {
  const remember = remembering<boolean>();
  return (personId, documentId) =>
    remember(`${personId}:${documentId}`, async () => {
      const person = await personById(db, personId);
      return person ? allows(documentAccessFor(db, person, documentId)) : false;
    });
}
