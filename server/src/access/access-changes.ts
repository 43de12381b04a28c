/**
 * A count of changes to who may see what (team, consent, agreed minutes, signing out). Letting a
 * connection in checks access and then joins, with database reads in between; a change landing
 * in that gap would be missed by the re-check of open connections (the new one is not open yet)
 * and by the check itself (made before it). So an opener asks until no change landed while it
 * asked (`settled`), then joins without waiting, where any later re-check finds it (ADR 0010).
 */
export class AccessChanges {
  private count = 0;

  /** Call before re-checking open connections after a change. */
  changed(): void {
    this.count++;
  }

  /**
   * Ask until no change landed while asking. A stale answer is handed to `discard` (to let go
   * of what it holds) before asking again; a throw (a refusal at the edge, or a failure to
   * check) ends it at once.
   */
  async settled<T>(ask: () => Promise<T>, discard?: (stale: T) => void): Promise<T> {
    for (;;) {
      const before = this.count;
      const answer = await ask();
      if (this.count === before) return answer;
      discard?.(answer);
    }
  }
}

/**
 * A change to who may see or do what, as it is told to the other server processes (ADR 0039),
 * each of which acts on its own connections as this one does on its own.
 */
export type AccessChange =
  /** Who may see this case's records changed: re-check open connections to them. */
  | { kind: "case"; caseId: string }
  /** Nobody may edit this document any more (agreed minutes): its editors reconnect. */
  | { kind: "editing-ended"; documentId: string; reason: string }
  /** A session ended (signed out): close what was opened with it. */
  | { kind: "session-ended"; sessionId: string; reason: string };
