/**
 * The projector: keeps the `actions` table in step with the action items in every live
 * document. A change schedules a projection of that document a moment later (changes in quick
 * succession are projected once); projections of one document never overlap.
 */
import { randomUUID } from "node:crypto";
import { findElementById, richTextToJson, serverOrigin, type Room } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { actionNodeName, diffActions, projectActions, serverAuthor, type AuthorId, type ProjectedAction, type StoredActionState } from "@roundtable/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type * as Y from "yjs";
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
}

/** Documents remembered at most; the one remembered longest is forgotten first. */
const maxKnown = 10_000;

export class ActionProjector {
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly known = new Map<string, Known>();
  /** While the database is away every change fails to project: one log line now and then. */
  private readonly failures: RateLimitedFailureLog;

  constructor(
    private readonly db: Db,
    log: Logger,
    private readonly notify: (change: ActionsChangedNews) => void,
    private readonly delayMs = 100,
    /**
     * A document whose actions read as they did at its last projection is not projected again
     * (no database reads) unless that was longer ago than this: the table is then checked
     * against the document anyway, which mends what changed around it (an owner who has left
     * the team is no longer its owner). ADR 0040.
     */
    private readonly recheckAfterMs = 10_000,
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
    const known: Known = { ...document, projected: null, projectedAt: 0 };
    this.known.set(documentId, known);
    return known;
  }

  private async project(documentId: string, doc: Y.Doc, authorId: AuthorId): Promise<void> {
    const document = await this.knownOf(documentId);
    if (!document) return;
    // Most changes are to the words around the actions: when the actions read as they did at the
    // last projection, which was recent, there is nothing to write and nothing to read.
    const actionsNow = JSON.stringify(projectActions(richTextToJson(doc)));
    const startedAt = Date.now();
    if (actionsNow === document.projected && startedAt - document.projectedAt < this.recheckAfterMs) return;
    // An action belongs to its document's case: a care plan's child, a one-child meeting's, or
    // the child whose section of a tracker meeting it is in (ADR 0017) — whatever a heading
    // inside says. Only a tracker meeting's minutes booked as one document (no case of their own)
    // file an action under the case its section names, and only one the meeting covers: anyone
    // editing them could otherwise file actions under a child they cannot see. One with neither
    // (e.g. "any other business") cannot be tracked.
    const meetingCaseIds = new Set(document.meetingId && !document.caseId ? await caseIdsOfMeeting(this.db, document.meetingId) : []);
    // What is projected is remembered as read at that moment (the document may change meanwhile).
    let actionsProjected = actionsNow;
    const place = () => {
      const actions = projectActions(richTextToJson(doc));
      actionsProjected = JSON.stringify(actions);
      return actions.flatMap((a) => {
        const caseId = document.caseId ?? (a.caseId && meetingCaseIds.has(a.caseId) ? a.caseId : null);
        return caseId ? [{ ...a, caseId }] : [];
      });
    };
    const done = () => {
      document.projected = actionsProjected;
      document.projectedAt = startedAt;
    };
    const storedRows = await this.db.select().from(schema.actions).where(eq(schema.actions.documentId, documentId));
    let placed = place();
    // Only an id this document does not hold yet can be one tracked elsewhere.
    const ownIds = new Set(storedRows.map((r) => r.id));
    const newIds = placed.map((a) => a.id).filter((id) => !ownIds.has(id));
    if (await this.reissueIdsTrackedElsewhere(documentId, doc, newIds)) placed = place();
    const projected = await this.withKnownOwners(placed);
    const stored: StoredActionState[] = storedRows.map((r) => ({ ...r, removed: r.removedAt !== null }));
    const diff = diffActions(stored, projected);
    if (diff.events.length === 0 && diff.upserts.length === 0 && diff.removed.length === 0) return done();
    const now = new Date();
    await this.db.transaction(async (tx) => {
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
    });
    done();
    const changedIds = [...diff.upserts.map((a) => a.id), ...diff.removed];
    const owners = new Set<string>();
    for (const a of diff.upserts) if (a.ownerId) owners.add(a.ownerId);
    for (const s of stored) if (s.ownerId && changedIds.includes(s.id)) owners.add(s.ownerId);
    const caseIds = new Set([...diff.upserts.map((a) => a.caseId!), ...stored.filter((s) => diff.removed.includes(s.id)).map((s) => s.caseId!)]);
    for (const caseId of caseIds) this.notify({ caseId, documentId, actionIds: changedIds, ownerIds: [...owners] });
  }

  /**
   * An action copied from another document (pasted across documents keeps its id) is a new
   * action here: it gets an id of its own, written into the document, so it is tracked and its
   * history kept apart from the original's. True if any id changed.
   */
  private async reissueIdsTrackedElsewhere(documentId: string, doc: Y.Doc, ids: readonly string[]): Promise<boolean> {
    if (ids.length === 0) return false;
    const elsewhere = await this.db
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
  private async withKnownOwners(actions: ProjectedAction[]): Promise<ProjectedAction[]> {
    if (actions.length === 0) return actions;
    const caseIds = [...new Set(actions.map((a) => a.caseId!))];
    const members = await this.db
      .select({ caseId: schema.caseMembers.caseId, personId: schema.caseMembers.personId })
      .from(schema.caseMembers)
      .where(inArray(schema.caseMembers.caseId, caseIds));
    const agencies = await this.db
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
