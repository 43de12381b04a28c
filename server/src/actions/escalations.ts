/**
 * Escalating an overdue action (DOMAIN.md "Escalation"): the one place it happens. Who may
 * (mayEscalateAction), whether it may be escalated now, at which level and who is told
 * (planEscalation) are the domain's rules; here they are given the facts, the escalation and its
 * line in the action's history are written together, and the people told hear of it in the app
 * and by email (in general words: see email-wording.ts).
 */
import { schema, type Db } from "@roundtable/db";
import {
  isEscalationLevel,
  isFamilyRole,
  mayEscalateAction,
  planEscalation,
  seesEscalations,
  todayInEngland,
  ukCalendarDate,
  type Action,
  type ActionEscalations,
  type EarlierEscalation,
  type Escalation,
  type EscalationBody,
  type EscalationFacts,
  type EscalationWritten,
  type NextEscalation,
} from "@roundtable/domain";
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { documentAccessFor } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import { documentOpenChecker } from "../access/may-open.js";
import type { Person } from "../auth/sessions.js";
import { HttpError, notFound } from "../errors.js";
import type { Notifier } from "../notifications/notifier.js";
import type { ActionProjector } from "./action-projector.js";
import { getAction } from "./actions.js";

export interface EscalationDeps {
  db: Db;
  notifier: Notifier;
  projector: ActionProjector;
}

const notForYourRole =
  "Escalating an overdue action is for keyworkers, senior keyworkers, service leads and ICB leads. If it needs chasing, tell the child's keyworker.";

/**
 * The action, if this person may see its escalations: a family account never does, so for them
 * there is nothing here (404), as for anyone who may not see the action.
 */
async function actionWithEscalations(db: Db, person: Person, actionId: string, now: Date): Promise<Action> {
  if (!seesEscalations(person.role)) throw notFound("That action");
  return getAction(db, person, actionId, now);
}

/** Every escalation of the action, oldest first, and what escalating it now would do. */
export async function listEscalations(db: Db, person: Person, actionId: string, now = new Date()): Promise<ActionEscalations> {
  const action = await actionWithEscalations(db, person, actionId, now);
  const escalations = await escalationsOf(db, actionId);
  const { access } = orRefuse(await documentAccessFor(db, person, action.documentId));
  const next: NextEscalation = mayEscalateAction({ accountRole: person.role, access })
    ? planEscalation(await factsFor(db, person, actionId, now))
    : { ok: false, reason: notForYourRole };
  return { escalations, next };
}

export async function escalateAction(deps: EscalationDeps, person: Person, actionId: string, body: EscalationBody, now = new Date()): Promise<EscalationWritten> {
  const { db } = deps;
  const action = await actionWithEscalations(db, person, actionId, now);
  const { access } = orRefuse(await documentAccessFor(db, person, action.documentId));
  if (!mayEscalateAction({ accountRole: person.role, access })) throw new HttpError(403, notForYourRole);

  // Whether each person who might be told may open the record decides what their notification
  // says; asked before the transaction, which holds the only connection on embedded PGlite.
  const candidates = await factsFor(db, person, actionId, now);
  const mayOpen = documentOpenChecker(db);
  const opens = new Map<string, boolean>();
  for (const p of [candidates.owner, candidates.agency?.contact, candidates.escalatesTo]) {
    if (p && !opens.has(p.id)) opens.set(p.id, await mayOpen(p.id, action.documentId));
  }

  const { written, stored } = await db.transaction(async (tx) => {
    // One escalation of an action at a time, so two at once cannot both pass the daily bound.
    await tx.select({ id: schema.actions.id }).from(schema.actions).where(eq(schema.actions.id, actionId)).for("update");
    const facts = await factsFor(tx, person, actionId, now);
    const plan = planEscalation(facts);
    if (!plan.ok) throw new HttpError(409, plan.reason);
    const [row] = await tx
      .insert(schema.actionEscalations)
      .values({ actionId, level: plan.level, note: body.note, byId: person.id, toldIds: plan.told.map((t) => t.id), at: now })
      .returning();
    await tx.insert(schema.actionEvents).values({ actionId, field: "escalated", fromValue: String(plan.level), toValue: body.note, byId: person.id, at: now });
    const notifications = plan.told.map((t) => ({ personId: t.id, ...notificationFor({ action, facts, level: plan.level, note: body.note, by: person, to: t.id, mayOpen: opens.get(t.id) ?? false }) }));
    const stored = await tx.insert(schema.notifications).values(notifications).returning();
    const written: EscalationWritten = {
      id: row!.id,
      actionId,
      level: plan.level,
      note: row!.note,
      by: { id: person.id, name: person.name },
      at: row!.at.toISOString(),
      told: plan.told.map((t) => t.name),
      notes: plan.notes,
    };
    return { written, stored };
  });
  await deps.notifier.deliver(stored.map((n) => ({ personId: n.personId, id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link })));
  // Lists showing the action (the overdue page, a dashboard) show it escalated without a reload.
  deps.projector.announce({ caseId: action.caseId, actionIds: [actionId], documentId: action.documentId, ownerIds: action.ownerId ? [action.ownerId] : [] });
  return written;
}

/** The action's escalations, oldest first, with who made them and who was told, by name. */
async function escalationsOf(db: Db, actionId: string): Promise<Escalation[]> {
  const e = schema.actionEscalations;
  const rows = await db
    .select({ id: e.id, level: e.level, note: e.note, byId: e.byId, byName: schema.people.name, toldIds: e.toldIds, at: e.at })
    .from(e)
    .leftJoin(schema.people, eq(schema.people.id, e.byId))
    .where(eq(e.actionId, actionId))
    .orderBy(asc(e.at), asc(e.id));
  const toldIds = [...new Set(rows.flatMap((r) => r.toldIds))];
  const names = new Map(
    toldIds.length === 0
      ? []
      : (await db.select({ id: schema.people.id, name: schema.people.name }).from(schema.people).where(inArray(schema.people.id, toldIds))).map((p) => [p.id, p.name]),
  );
  return rows.flatMap((r) =>
    isEscalationLevel(r.level)
      ? [
          {
            id: r.id,
            actionId,
            level: r.level,
            note: r.note,
            by: r.byId && r.byName ? { id: r.byId, name: r.byName } : null,
            at: r.at.toISOString(),
            told: r.toldIds.map((id) => names.get(id) ?? "someone no longer here"),
          },
        ]
      : [],
  );
}

const contact = alias(schema.people, "escalation_contact");
const secondLevel = alias(schema.people, "second_level");

/**
 * What planEscalation needs to know, read afresh (inside the escalation's transaction, the
 * action as it is now): the action's state, its earlier escalations, its owner and their
 * agency's contact, and the person's own second level.
 */
async function factsFor(db: Db, person: Person, actionId: string, now: Date): Promise<EscalationFacts> {
  const e = schema.actionEscalations;
  const [action] = await db
    .select({ status: schema.actions.status, dueDate: schema.actions.dueDate, removedAt: schema.actions.removedAt, ownerId: schema.actions.ownerId, ownerAgencyId: schema.actions.ownerAgencyId })
    .from(schema.actions)
    .where(eq(schema.actions.id, actionId));
  if (!action) throw notFound("That action");
  const earlierRows = await db.select({ level: e.level, byId: e.byId, at: e.at }).from(e).where(eq(e.actionId, actionId));
  const [owner] = action.ownerId
    ? await db
        .select({ id: schema.people.id, name: schema.people.name, role: schema.people.role, agencyId: schema.people.agencyId })
        .from(schema.people)
        .where(eq(schema.people.id, action.ownerId))
    : [];
  const agencyId = owner?.agencyId ?? action.ownerAgencyId;
  const [agency] = agencyId
    ? await db
        .select({ name: schema.agencies.name, contactId: contact.id, contactName: contact.name })
        .from(schema.agencies)
        .leftJoin(contact, eq(contact.id, schema.agencies.escalationContactId))
        .where(eq(schema.agencies.id, agencyId))
    : [];
  const [escalatesTo] = await db
    .select({ id: secondLevel.id, name: secondLevel.name })
    .from(schema.people)
    .innerJoin(secondLevel, eq(secondLevel.id, schema.people.escalatesToId))
    .where(eq(schema.people.id, person.id));
  const earlier: EarlierEscalation[] = earlierRows.flatMap((r) => (isEscalationLevel(r.level) ? [{ level: r.level, byId: r.byId, on: todayInEngland(r.at) }] : []));
  return {
    action: { status: action.status, dueDate: action.dueDate, removed: action.removedAt !== null },
    today: todayInEngland(now),
    personId: person.id,
    earlier,
    owner: owner ? { id: owner.id, name: owner.name, family: isFamilyRole(owner.role) } : null,
    agency: agency ? { name: agency.name, contact: agency.contactId && agency.contactName ? { id: agency.contactId, name: agency.contactName } : null } : null,
    escalatesTo: escalatesTo ?? null,
  };
}

interface NotificationQuestion {
  action: Action;
  facts: EscalationFacts;
  level: 1 | 2;
  note: string;
  by: Person;
  /** The person told. */
  to: string;
  /** May they open the record the action is in? Only then does the notification name the child or the action. */
  mayOpen: boolean;
}

/**
 * What one person is told. Someone who may open the record reads what the action is, for whom,
 * and the note; anyone else (an agency's contact not on the child's team, a manager) only that
 * an overdue action was escalated to them, whose it is and who to ask — never the child's name,
 * the action's words or the note, which may name them.
 */
function notificationFor(q: NotificationQuestion): { kind: string; title: string; body: string; link: string | null } {
  const isOwner = q.facts.owner?.id === q.to;
  const kind = isOwner ? "action-escalated" : "escalated-to-you";
  const owner = q.facts.owner?.name ?? q.facts.agency?.name ?? "no one named";
  // Why it came to them: as the agency's contact, or as the next level up from whoever escalated it.
  const as = isOwner ? "" : q.level === 2 ? `, as the next level up from ${q.by.name}` : q.facts.agency ? ` as ${q.facts.agency.name}'s escalation contact` : "";
  if (!q.mayOpen) {
    return {
      kind,
      title: isOwner ? "An action you own was escalated" : "An overdue action was escalated to you",
      body: isOwner
        ? `${q.by.name} escalated an action you own because it is overdue. Ask ${q.by.name} what is needed.`
        : `${q.by.name} escalated an overdue action owned by ${owner} to you${as}. You cannot open the record it is in: ask ${q.by.name} what is needed.`,
      link: null,
    };
  }
  const what = q.action.text || "an action with no words yet";
  const due = q.action.dueDate ? `, due on ${ukCalendarDate(q.action.dueDate)}` : "";
  return {
    kind,
    title: `Escalated: ${what}`,
    body: isOwner
      ? `${q.by.name} escalated this action for ${q.action.caseName}${due}, because it is overdue: “${q.note}”`
      : `${q.by.name} escalated this overdue action for ${q.action.caseName}${due}, owned by ${owner}, to you${as}: “${q.note}”`,
    link: `/documents/${q.action.documentId}#action-${q.action.id}`,
  };
}
