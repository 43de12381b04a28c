/**
 * The projector: keeps the `actions` table in step with the action items in every live
 * document. A change schedules a projection of that document a moment later (changes in quick
 * succession are projected once); projections of one document never overlap.
 *
 * With several server processes (ADR 0041) each projects the changes its own clients make, so
 * two may project one document. Then a projection runs in one transaction under an advisory
 * lock on the document, so two never interleave, and it first checks that its copy of the
 * document has seen everything the last projection written had seen (action_projections): a
 * copy that has not yet heard of another process's update would write older actions over newer
 * ones (an action just added elsewhere "removed", then "created" again). It waits for its copy
 * to catch up (the update is on its way through Redis) and then projects.
 */
import { randomUUID } from "node:crypto";
import { findElementById, richTextToJson, serverOrigin, type Room } from "@roundtable/collab";
import { executeRows, schema, type Db } from "@roundtable/db";
import { actionNodeName, diffActions, projectActions, serverAuthor, type AuthorId, type ProjectedAction, type StoredActionState } from "@roundtable/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Logger } from "pino";
import * as Y from "yjs";
import { RateLimitedFailureLog } from "../database-failure.js";
import { caseIdsOfMeeting } from "../access/meeting-access.js";
import type { ActionsChangedNews } from "../realtime/presence.js";


interface Pending {
  timer: NodeJS.Timeout;
  room: Room;
  authorId: AuthorId;
}

/** What the projector remembers of a document between projections. */
interface Known {
  /** Where the document belongs: fixed when it is made. */
  caseId: string | null;
  meetingId: string | null;
  /** The actions it held when last projected in full, as text, and when that was. */
  projected: string | null;
  projectedAt: number;
  /**
   * Several processes: the last projection's record (action_projections, as base64; "" for
   * none) as this process left it or found it at its last projection. While it still reads the
   * same, no process has projected this document since, so the table holds what this process
   * last projected.
   */
  row: string | null;
}

/** Documents remembered at most; the one remembered longest is forgotten first. */
const maxKnown = 10_000;

/** What a projection was: done, or put off because this copy of the document is behind another process's. */
type Outcome = "done" | "behind";

/** How the projector works with other server processes projecting the same documents. */
export interface ProjectorProcesses {
  /** Several processes (Redis): lock, check and record what each projection had seen. */
  several: boolean;
  /** How long a copy of a document that is behind waits to catch up before it is projected anyway. */
  catchUpWaitMs: number;
}

export class ActionProjector {
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly known = new Map<string, Known>();
  /** While the database is away every change fails to project: one log line now and then. */
  private readonly failures: RateLimitedFailureLog;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly notify: (change: ActionsChangedNews) => void,
    private readonly delayMs = 100,
    /**
     * A document whose actions read as they did at its last projection is not projected again
     * (no database reads) unless that was longer ago than this: the table is then checked
     * against the document anyway, which mends what changed around it (an owner who has left
     * the team is no longer its owner). ADR 0040.
     */
    private readonly recheckAfterMs = 10_000,
    private readonly processes: ProjectorProcesses = { several: false, catchUpWaitMs: 0 },
  ) {
    this.failures = new RateLimitedFailureLog(log, 10_000);
  }

  /** A document changed: project it shortly. The last author in the window is credited. */
  schedule(documentId: string, room: Room, authorId: AuthorId): void {
    const existing = this.pending.get(documentId);
    if (existing) {
      existing.room = room;
      // A person's change is credited to them even if the server (re-issuing an id) wrote after them.
      if (authorId !== serverAuthor) existing.authorId = authorId;
      return;
    }
    const timer = setTimeout(() => {
      const p = this.pending.get(documentId);
      this.pending.delete(documentId);
      if (p) void this.projectNow(documentId, p.room.doc, p.authorId).catch((err: unknown) => this.failures.failed(err, { documentId }, "action projection failed"));
    }, this.delayMs);
    this.pending.set(documentId, { timer, room, authorId });
  }

  /** Project a document now (after any projection of it already running). */
  projectNow(documentId: string, doc: Y.Doc, authorId: AuthorId): Promise<void> {
    const previous = this.running.get(documentId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.project(documentId, doc, authorId));
    this.running.set(documentId, next);
    void next.finally(() => {
      if (this.running.get(documentId) === next) this.running.delete(documentId);
    }).catch(() => {});
    return next;
  }

  /**
   * Tell people that actions changed without their document changing (an escalation): the same
   * news a projection sends, to the same people.
   */
  announce(change: ActionsChangedNews): void {
    this.notify(change);
  }

  /** Wait for scheduled and running projections (tests, shutdown). */
  async settle(): Promise<void> {
    for (const [documentId, p] of [...this.pending]) {
      clearTimeout(p.timer);
      this.pending.delete(documentId);
      await this.projectNow(documentId, p.room.doc, p.authorId);
    }
    await Promise.allSettled([...this.running.values()]);
  }

  /** Where a document belongs, read once; null when there is no such document. */
  private async knownOf(documentId: string): Promise<Known | null> {
    const remembered = this.known.get(documentId);
    if (remembered) return remembered;
    const [document] = await this.db
      .select({ caseId: schema.documents.caseId, meetingId: schema.documents.meetingId })
      .from(schema.documents)
      .where(eq(schema.documents.id, documentId));
    if (!document) return null;
    if (this.known.size >= maxKnown) this.known.delete(this.known.keys().next().value!);
    const known: Known = { ...document, projected: null, projectedAt: 0, row: null };
    this.known.set(documentId, known);
    return known;
  }

  private async project(documentId: string, doc: Y.Doc, authorId: AuthorId): Promise<void> {
    const document = await this.knownOf(documentId);
    if (!document) return;
    // Most changes are to the words around the actions: when the actions read as they did at the
    // last projection, which was recent, there is nothing to write and nothing to read. With
    // several processes, one short look first: another may have projected this document since,
    // and this copy coming back to what it last projected (an undo) would then leave that other
    // projection standing. Every projection that writes records itself (action_projections), so
    // while that record reads as this process last saw it, and nobody is projecting it now, nobody has.
    const startedAt = Date.now();
    const lockKey = `roundtable action projection: ${documentId}`;
    if (startedAt - document.projectedAt < this.recheckAfterMs && JSON.stringify(projectActions(richTextToJson(doc))) === document.projected) {
      if (!this.processes.several) return;
      if (document.row !== null && (await this.unchangedSinceLastLook(lockKey, documentId, document.row))) return;
    }
    // What to do once the projection has committed (remember it, tell people): not before.
    const afterCommit: (() => void)[] = [];
    const committed = () => {
      for (const then of afterCommit.splice(0)) then();
    };
    if (!this.processes.several) {
      await this.projectWith(this.db, (write) => this.db.transaction(write), { documentId, document, doc, authorId, startedAt, mayWait: false, afterCommit });
      committed();
      return;
    }
    const waitUntil = startedAt + this.processes.catchUpWaitMs;
    for (;;) {
      const mayWait = Date.now() < waitUntil;
      const outcome = await this.db.transaction(async (tx) => {
        // Held until this transaction ends: another process projecting this document waits for it.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
        return this.projectWith(tx as unknown as Db, (write) => write(tx), { documentId, document, doc, authorId, startedAt, mayWait, afterCommit });
      });
      if (outcome === "done") return committed();
      afterCommit.length = 0;
      await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
  }

  /**
   * Reads what is stored, compares, and writes the difference: through `q` (the database, or the
   * transaction holding the document's lock) and `inTransaction` (a transaction of its own, or
   * that same one).
   */
  private async projectWith(
    q: Db,
    inTransaction: <T>(write: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0]) => Promise<T>) => Promise<T>,
    p: { documentId: string; document: Known; doc: Y.Doc; authorId: AuthorId; startedAt: number; mayWait: boolean; afterCommit: (() => void)[] },
  ): Promise<Outcome> {
    const { documentId, document, doc, authorId, startedAt } = p;
    const several = this.processes.several;
    // An action belongs to its document's case: a care plan's child, a one-child meeting's, or
    // the child whose section of a tracker meeting it is in (ADR 0017) — whatever a heading
    // inside says. Only a tracker meeting's minutes booked as one document (no case of their own)
    // file an action under the case its section names, and only one the meeting covers: anyone
    // editing them could otherwise file actions under a child they cannot see. One with neither
    // (e.g. "any other business") cannot be tracked.
    const meetingCaseIds = new Set(document.meetingId && !document.caseId ? await caseIdsOfMeeting(q, document.meetingId) : []);
    // What is projected is remembered as read at that moment (the document may change meanwhile).
    let actionsProjected = "";
    let seen: Y.Snapshot | null = null;
    const place = () => {
      const actions = projectActions(richTextToJson(doc));
      actionsProjected = JSON.stringify(actions);
      if (several) seen = Y.snapshot(doc);
      return actions.flatMap((a) => {
        const caseId = document.caseId ?? (a.caseId && meetingCaseIds.has(a.caseId) ? a.caseId : null);
        return caseId ? [{ ...a, caseId }] : [];
      });
    };
    // Several processes: the record of the last projection once this one commits (see Known.row).
    let recordAfter: string | null = null;
    const done = () => {
      document.projected = actionsProjected;
      document.projectedAt = startedAt;
      document.row = recordAfter;
    };
    const storedRows = await q.select().from(schema.actions).where(eq(schema.actions.documentId, documentId));
    let placed = place();
    // Only an id this document does not hold yet can be one tracked elsewhere.
    const ownIds = new Set(storedRows.map((r) => r.id));
    const newIds = placed.map((a) => a.id).filter((id) => !ownIds.has(id));
    if (await this.reissueIdsTrackedElsewhere(q, documentId, doc, newIds)) placed = place();
    const last = seen ? await this.lastProjection(q, documentId) : null;
    recordAfter = last ? asRecord(last) : "";
    if (seen && last && !hasSeen(seen, Y.decodeSnapshot(last))) {
      if (p.mayWait) return "behind";
      // Its sender may have died before saving it: what this process has is then all there is.
      this.log.warn({ documentId }, "projected actions from a copy of the document that has not heard of every update an earlier projection had");
    }
    const projected = await this.withKnownOwners(q, placed);
    const stored: StoredActionState[] = storedRows.map((r) => ({ ...r, removed: r.removedAt !== null }));
    const diff = diffActions(stored, projected);
    if (diff.events.length === 0 && diff.upserts.length === 0 && diff.removed.length === 0) {
      p.afterCommit.push(done);
      return "done";
    }
    const now = new Date();
    await inTransaction(async (tx) => {
      // Only rows this document holds (new, or already its own) take its events.
      const ours = new Set(diff.removed);
      if (diff.upserts.length > 0) {
        const written = await tx
          .insert(schema.actions)
          .values(diff.upserts.map((a) => ({ ...a, caseId: a.caseId!, documentId, meetingId: document.meetingId, removedAt: null, updatedAt: now })))
          .onConflictDoUpdate({
            target: schema.actions.id,
            set: {
              caseId: sql`excluded.case_id`,
              documentId: sql`excluded.document_id`,
              text: sql`excluded.text`,
              ownerId: sql`excluded.owner_id`,
              ownerAgencyId: sql`excluded.owner_agency_id`,
              dueDate: sql`excluded.due_date`,
              status: sql`excluded.status`,
              blockedReason: sql`excluded.blocked_reason`,
              section: sql`excluded.section`,
              position: sql`excluded.position`,
              removedAt: sql`null`,
              // A new due date earns a new reminder when it passes.
              overdueNotifiedAt: sql`case when ${schema.actions.dueDate} is distinct from excluded.due_date then null else ${schema.actions.overdueNotifiedAt} end`,
              updatedAt: now,
            },
            // An id already tracked in another document is never taken over by a copy here.
            setWhere: sql`${schema.actions.documentId} = excluded.document_id`,
          })
          .returning({ id: schema.actions.id });
        for (const { id } of written) ours.add(id);
      }
      if (diff.removed.length > 0) {
        await tx.update(schema.actions).set({ removedAt: now, updatedAt: now }).where(inArray(schema.actions.id, diff.removed));
      }
      const events = diff.events.filter((e) => ours.has(e.actionId));
      if (events.length > 0) {
        await tx.insert(schema.actionEvents).values(events.map((e) => ({ actionId: e.actionId, field: e.field, fromValue: e.from, toValue: e.to, byId: authorId, at: now })));
      }
      if (seen) {
        const stateVector = Y.encodeSnapshot(seen);
        recordAfter = asRecord(stateVector);
        await tx
          .insert(schema.actionProjections)
          .values({ documentId, stateVector })
          .onConflictDoUpdate({ target: schema.actionProjections.documentId, set: { stateVector, updatedAt: now } });
      }
    });
    const changedIds = [...diff.upserts.map((a) => a.id), ...diff.removed];
    const owners = new Set<string>();
    for (const a of diff.upserts) if (a.ownerId) owners.add(a.ownerId);
    for (const s of stored) if (s.ownerId && changedIds.includes(s.id)) owners.add(s.ownerId);
    const caseIds = new Set([...diff.upserts.map((a) => a.caseId!), ...stored.filter((s) => diff.removed.includes(s.id)).map((s) => s.caseId!)]);
    p.afterCommit.push(done, () => {
      for (const caseId of caseIds) this.notify({ caseId, documentId, actionIds: changedIds, ownerIds: [...owners] });
    });
    return "done";
  }

  /** What the last projection written had seen of the document (an encoded Y.Snapshot), or null if none was. */
  private async lastProjection(q: Db, documentId: string): Promise<Uint8Array | null> {
    const [last] = await q
      .select({ snapshot: schema.actionProjections.stateVector })
      .from(schema.actionProjections)
      .where(eq(schema.actionProjections.documentId, documentId));
    return last?.snapshot ?? null;
  }

  /**
   * Several processes: whether the last projection's record still reads as `row` (Known.row) with
   * nobody projecting the document now. The lock is tried first and the record read after it, in
   * a statement of its own, so a projection that committed before the lock was free is seen; one
   * holding the lock means no (the whole projection then waits for it).
   */
  private async unchangedSinceLastLook(lockKey: string, documentId: string, row: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [answer] = await executeRows<{ locked: boolean }>(tx as unknown as Db, sql`select pg_try_advisory_xact_lock(hashtextextended(${lockKey}, 0)) as locked`);
      if (!answer?.locked) return false;
      const last = await this.lastProjection(tx as unknown as Db, documentId);
      return (last ? asRecord(last) : "") === row;
    });
  }

  /**
   * An action copied from another document (pasted across documents keeps its id) is a new
   * action here: it gets an id of its own, written into the document, so it is tracked and its
   * history kept apart from the original's. True if any id changed.
   */
  private async reissueIdsTrackedElsewhere(q: Db, documentId: string, doc: Y.Doc, ids: readonly string[]): Promise<boolean> {
    if (ids.length === 0) return false;
    const elsewhere = await q
      .select({ id: schema.actions.id })
      .from(schema.actions)
      .where(and(inArray(schema.actions.id, [...ids]), ne(schema.actions.documentId, documentId)));
    if (elsewhere.length === 0) return false;
    doc.transact(() => {
      for (const { id } of elsewhere) findElementById(doc, actionNodeName, id)?.setAttribute("id", randomUUID());
    }, serverOrigin);
    return true;
  }

  /** An owner must be someone on the case, and an agency one of the service's; anything else is treated as not set. */
  private async withKnownOwners(q: Db, actions: ProjectedAction[]): Promise<ProjectedAction[]> {
    if (actions.length === 0) return actions;
    const caseIds = [...new Set(actions.map((a) => a.caseId!))];
    const members = await q
      .select({ caseId: schema.caseMembers.caseId, personId: schema.caseMembers.personId })
      .from(schema.caseMembers)
      .where(inArray(schema.caseMembers.caseId, caseIds));
    const agencies = await q
      .select({ id: schema.agencies.id })
      .from(schema.agencies)
      .innerJoin(schema.cases, eq(schema.cases.serviceId, schema.agencies.serviceId))
      .where(inArray(schema.cases.id, caseIds));
    const onCase = new Set(members.map((m) => `${m.caseId}:${m.personId}`));
    const agencyIds = new Set(agencies.map((a) => a.id));
    return actions.map((a) => ({
      ...a,
      ownerId: a.ownerId && onCase.has(`${a.caseId}:${a.ownerId}`) ? a.ownerId : null,
      ownerAgencyId: a.ownerAgencyId && agencyIds.has(a.ownerAgencyId) ? a.ownerAgencyId : null,
    }));
  }
}

/**
 * Whether a copy of a document whose snapshot is `mine` has seen everything `other` had: every
 * update (its state vector) and every deletion (its delete set: deleting adds no update of its
 * own to the state vector, so an action deleted elsewhere would not show there).
 */
export function hasSeen(mine: Y.Snapshot, other: Y.Snapshot): boolean {
  for (const [client, clock] of other.sv) if ((mine.sv.get(client) ?? 0) < clock) return false;
  for (const [client, deleted] of other.ds.clients) {
    // Both lists are sorted by clock and merged where they touch (Y.snapshot makes them so).
    const ours = mine.ds.clients.get(client) ?? [];
    let i = 0;
    for (const { clock, len } of deleted) {
      while (i < ours.length && ours[i]!.clock + ours[i]!.len <= clock) i++;
      const covering = ours[i];
      if (!covering || covering.clock > clock || covering.clock + covering.len < clock + len) return false;
    }
  }
  return true;
}

/** A projection's record (its encoded snapshot) as a string to compare. */
function asRecord(snapshot: Uint8Array): string {
  return Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength).toString("base64");
}
