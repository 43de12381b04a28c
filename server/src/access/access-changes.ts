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
