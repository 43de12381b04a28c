/**
 * For jobs that tell people about records (overdue actions, daily digests): may this person open
 * this document now? The same rules as opening it; answers are kept for one run of the job.
 */
import type { Db } from "@roundtable/db";
import { documentAccessFor } from "./access.js";
import { personById } from "./sessions.js";

export function documentOpenChecker(db: Db): (personId: string, documentId: string) => Promise<boolean> {
  const answers = new Map<string, Promise<boolean>>();
  return (personId, documentId) => {
    const key = `${personId}:${documentId}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = personById(db, personId).then(async (person) => {
        if (!person) return false;
        return documentAccessFor(db, person, documentId).then(
          () => true,
          () => false,
        );
      });
      answers.set(key, answer);
    }
    return answer;
  };
}
