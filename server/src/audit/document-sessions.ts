/**
 * Audit rows for people's time in a document: one "opened" when someone opens it or reads it over
 * the API (not again for reconnects or reads within a few minutes), and one "edited" per editing session — from their first
 * connection to the document until their last one closes — with the number of changes they made.
 */
import type { Db } from "@roundtable/db";
import type { Logger } from "pino";
import { HttpError } from "../errors.js";
import { recordAudits, type AuditActor } from "./audit-log.js";
import type { Role } from "@roundtable/domain";

/** What the trail needs to know about a document and the person's role on it. */
export interface DocumentContext {
  caseIds: readonly string[];
  meetingId: string | null;
  role: Role | null;
}

interface Session {
  actor: AuditActor;
  context: DocumentContext;
  connections: number;
  changes: number;
  startedAt: Date;
}

export class DocumentSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly lastOpened = new Map<string, number>();
  private readonly writing = new Set<Promise<boolean>>();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    /** Reopening within this long (a reconnect, a page reload) is not a new "opened". */
    private readonly reopenQuietMs = 10 * 60_000,
  ) {}

  async connected(documentId: string, actor: AuditActor, context: DocumentContext, now = Date.now()): Promise<void> {
    const key = `${documentId}:${actor.id}`;
    const session = this.sessions.get(key);
    if (session) session.connections++;
    else this.sessions.set(key, { actor, context, connections: 1, changes: 0, startedAt: new Date(now) });
    const last = this.lastOpened.get(key);
    if (last !== undefined && now - last < this.reopenQuietMs) return;
    this.lastOpened.set(key, now);
    if (!(await this.write(documentId, actor, context, "opened", undefined))) this.forgetOpening(key, now);
  }

  /**
   * Someone read the document (or its comments) over the API, without opening it live: an
   * "opened" on the same terms as opening it — not again within a few minutes of their last
   * opening or reading, so one visit is one entry whichever way the page loads it. The context
   * is looked up only when an entry will be written.
   */
  async read(documentId: string, actor: AuditActor, context: () => Promise<DocumentContext>, now = Date.now()): Promise<void> {
    const key = `${documentId}:${actor.id}`;
    const last = this.lastOpened.get(key);
    if (last !== undefined && now - last < this.reopenQuietMs) return;
    this.lastOpened.set(key, now);
    let written = false;
    try {
      written = await this.write(documentId, actor, await context(), "opened", { via: "api" });
    } finally {
      if (!written) this.forgetOpening(key, now);
    }
    // Nothing is handed over that the trail does not show: an access report must not miss a reader.
    if (!written) throw new HttpError(503, "Roundtable could not record that you opened this, so it is not shown just now. Please try again in a minute.");
  }

  /** A failed write leaves no quiet window behind it: the next opening or reading tries again. */
  private forgetOpening(key: string, at: number): void {
    if (this.lastOpened.get(key) === at) this.lastOpened.delete(key);
  }

  /** One accepted change by this person. */
  changed(documentId: string, personId: string): void {
    const session = this.sessions.get(`${documentId}:${personId}`);
    if (session) session.changes++;
  }

  async disconnected(documentId: string, personId: string): Promise<void> {
    const key = `${documentId}:${personId}`;
    const session = this.sessions.get(key);
    if (!session) return;
    session.connections--;
    if (session.connections > 0) return;
    this.sessions.delete(key);
    await this.endSession(documentId, session);
  }

  /** Shutting down: every open editing session ends now, and every row is written. */
  async closeAll(): Promise<void> {
    const open = [...this.sessions.entries()];
    this.sessions.clear();
    for (const [key, session] of open) await this.endSession(key.slice(0, key.indexOf(":")), session);
    await Promise.all([...this.writing]);
  }

  private async endSession(documentId: string, session: Session): Promise<void> {
    if (session.changes === 0) return;
    await this.write(documentId, session.actor, session.context, "edited", { changes: session.changes, from: session.startedAt.toISOString() });
  }

  /** Resolves true once written; false (logged) when the trail could not be written. */
  private write(documentId: string, actor: AuditActor, context: DocumentContext, action: "opened" | "edited", detail: Record<string, unknown> | undefined): Promise<boolean> {
    // Minutes of a tracker meeting cover several children: each child's trail gets the event.
    const caseIds = context.caseIds.length > 0 ? context.caseIds : [null];
    const written = recordAudits(
      this.db,
      caseIds.map((caseId) => ({ actor, role: context.role, action, caseId, documentId, meetingId: context.meetingId, detail })),
    ).then(
      () => true,
      (err: unknown) => {
        this.log.error({ err, documentId, action }, "could not write to the audit trail");
        return false;
      },
    );
    this.writing.add(written);
    void written.finally(() => this.writing.delete(written));
    return written;
  }
}
