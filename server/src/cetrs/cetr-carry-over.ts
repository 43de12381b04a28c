/**
 * Actions carried into a new CETR from the child's earlier CETRs (ADR 0027's mechanism, ADR 0033):
 * the action never moves — it stays in the report it was agreed in, with its id, owner and
 * history — and a `carried_actions` row (cetr_id set) says this CETR takes it up, and later what
 * it decided. Carried while the CETR is still to be held, so the list it discussed is the list it
 * keeps; the unique index (document, action) means never twice into the same CETR.
 */
import { schema, type Db } from "@roundtable/db";
import {
  cetrActionsToCarry,
  mayDecideCetrCarriedAction,
  outstandingStatuses,
  type CetrCarriedAction,
  type CetrCarriedDecisionBody,
} from "@roundtable/domain";
import { and, asc, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { actionsById, type ActionDeps } from "../actions/actions.js";
import { decideCarried } from "../actions/carried-actions.js";
import { membershipCounts } from "../access/team-membership.js";
import type { Person } from "../auth/sessions.js";
import { forbidden, notFound } from "../errors.js";
import type { CetrRow } from "../access/cetr-standing.js";

/** The most actions one CETR takes up: a bound on what one read writes. */
export const maxCarriedActionsPerCetr = 200;

const source = alias(schema.cetrs, "source_cetr");

/** Carry the child's open actions of earlier CETRs into this one (while it is still to be held); the ids it carries. */
export async function carriedIntoCetr(db: Db, person: Person, cetr: CetrRow): Promise<string[]> {
  if (cetr.status === "requested" || cetr.status === "arranged") {
    const candidates = await db
      .select({ id: schema.actions.id, caseId: schema.actions.caseId, status: schema.actions.status, cetrId: source.id, cetrRequestedAt: source.requestedAt, cetrStatus: source.status })
      .from(schema.actions)
      .innerJoin(source, eq(source.documentId, schema.actions.documentId))
      .where(
        and(
          eq(schema.actions.caseId, cetr.caseId),
          isNull(schema.actions.removedAt),
          inArray(schema.actions.status, [...outstandingStatuses]),
          lt(source.requestedAt, cetr.requestedAt),
          ne(source.status, "withdrawn"),
        ),
      )
      .orderBy(asc(source.requestedAt), asc(schema.actions.position), asc(schema.actions.id))
      .limit(maxCarriedActionsPerCetr);
    const already = await carriedRows(db, cetr);
    const room = maxCarriedActionsPerCetr - already.length;
    const ids = cetrActionsToCarry(
      { cetrId: cetr.id, caseId: cetr.caseId, requestedAt: cetr.requestedAt },
      candidates.map((c) => ({ ...c, removed: false, cetrWithdrawn: c.cetrStatus === "withdrawn" })),
      new Set(already.map((a) => a.actionId)),
    ).slice(0, Math.max(0, room));
    if (ids.length) {
      await db
        .insert(schema.carriedActions)
        .values(ids.map((actionId) => ({ actionId, documentId: cetr.documentId, cetrId: cetr.id, caseId: cetr.caseId, carriedBy: person.id })))
        .onConflictDoNothing();
    }
  }
  return (await carriedRows(db, cetr)).map((r) => r.actionId);
}

async function carriedRows(db: Db, cetr: Pick<CetrRow, "documentId">) {
  return db
    .select({ actionId: schema.carriedActions.actionId })
    .from(schema.carriedActions)
    .innerJoin(schema.actions, eq(schema.actions.id, schema.carriedActions.actionId))
    .where(eq(schema.carriedActions.documentId, cetr.documentId))
    .orderBy(asc(schema.carriedActions.carriedAt), asc(schema.actions.position), asc(schema.actions.id));
}

/** "Actions carried over from earlier CETRs", as the CETR's page shows them to someone who may open it. */
export async function describeCetrCarried(db: Db, person: Person, cetr: CetrRow, mayDecide: boolean): Promise<CetrCarriedAction[]> {
  const decider = alias(schema.people, "decider");
  const rows = await db
    .select({ carried: schema.carriedActions, ownerId: schema.actions.ownerId, agreedAtId: source.id, agreedHeldOn: source.heldOn, agreedRequestedAt: source.requestedAt, deciderName: decider.name })
    .from(schema.carriedActions)
    .innerJoin(schema.actions, eq(schema.actions.id, schema.carriedActions.actionId))
    .innerJoin(source, eq(source.documentId, schema.actions.documentId))
    .leftJoin(decider, eq(decider.id, schema.carriedActions.decidedBy))
    .where(eq(schema.carriedActions.documentId, cetr.documentId))
    .orderBy(asc(source.requestedAt), asc(schema.actions.position), asc(schema.actions.id));
  const actions = await actionsById(db, person, rows.map((r) => r.carried.actionId), new Date(), cetr.serviceId);
  const owners = rows.flatMap((r) => (r.ownerId ? [r.ownerId] : []));
  const onTeam = new Set(
    owners.length
      ? (
          await db
            .select({ personId: schema.caseMembers.personId })
            .from(schema.caseMembers)
            .where(and(eq(schema.caseMembers.caseId, cetr.caseId), inArray(schema.caseMembers.personId, owners), membershipCounts()))
        ).map((m) => m.personId)
      : [],
  );
  return rows
    .filter((r) => actions.has(r.carried.actionId))
    .map((r) => ({
      action: actions.get(r.carried.actionId)!,
      agreedAt: { cetrId: r.agreedAtId, heldOn: r.agreedHeldOn, requestedAt: r.agreedRequestedAt.toISOString() },
      ownerOnTeam: r.ownerId === null || onTeam.has(r.ownerId),
      decision: r.carried.decision,
      decidedBy: r.carried.decidedBy && r.deciderName ? { id: r.carried.decidedBy, name: r.deciderName } : null,
      decidedAt: r.carried.decidedAt?.toISOString() ?? null,
      closedReason: r.carried.closedReason,
      mayDecide,
    }));
}

/**
 * Confirm, change or close an action this CETR carried. Only an action carried into *this* CETR:
 * any other id — another child's, one never carried, one carried elsewhere — is not found.
 */
export async function decideCetrCarried(deps: ActionDeps, person: Person, cetr: CetrRow, standing: Parameters<typeof mayDecideCetrCarriedAction>[0], actionId: string, body: CetrCarriedDecisionBody, heldAs: string): Promise<void> {
  const { db } = deps;
  const [carried] = await db
    .select({ id: schema.carriedActions.id })
    .from(schema.carriedActions)
    .where(and(eq(schema.carriedActions.documentId, cetr.documentId), eq(schema.carriedActions.actionId, actionId)));
  if (!carried) throw notFound("That action");
  if (!mayDecideCetrCarriedAction(standing, cetr.status)) throw forbidden("Only the panel, the ICB lead and the child's keyworkers can confirm, change or close the actions carried into this CETR, until its report is agreed.");
  await decideCarried(deps, person, { carriedId: carried.id, actionId, access: "edit", reviewedAt: heldAs }, body);
}
