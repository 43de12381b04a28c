/**
 * How often the room answers one connection's query-awareness (message type 3). Each answer
 * carries everyone's presence, so a stream of one-byte queries would otherwise make the server
 * send (and, to a client that stops reading, hold) megabytes. A connection gets at most one
 * answer per interval; queries in between are folded into one deferred answer, sent with the
 * presence as it is then — never a queue of them.
 */
import type { CollabConnection } from "./connection.js";

export class AwarenessQueries {
  private readonly lastAnswered = new Map<CollabConnection, number>();
  private readonly deferred = new Map<CollabConnection, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly intervalMs: number,
    private readonly answer: (conn: CollabConnection) => void,
  ) {}

  ask(conn: CollabConnection): void {
    if (this.deferred.has(conn)) return; // an answer is already on its way
    const wait = (this.lastAnswered.get(conn) ?? -Infinity) + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.answerNow(conn);
      return;
    }
    const timer = setTimeout(() => {
      this.deferred.delete(conn);
      this.answerNow(conn);
    }, wait);
    this.deferred.set(conn, timer);
  }

  /** The connection left: nothing more is sent to it. */
  forget(conn: CollabConnection): void {
    clearTimeout(this.deferred.get(conn));
    this.deferred.delete(conn);
    this.lastAnswered.delete(conn);
  }

  forgetAll(): void {
    for (const conn of [...this.deferred.keys()]) this.forget(conn);
    this.lastAnswered.clear();
  }

  private answerNow(conn: CollabConnection): void {
    this.lastAnswered.set(conn, Date.now());
    this.answer(conn);
  }
}
