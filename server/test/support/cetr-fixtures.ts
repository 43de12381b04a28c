/**
 * CETRs with actions, written straight into the database for tests of what reads them (the CETR
 * follow-up dashboard): a `cetrs` row, its document (kind "cetr") holding each action as an
 * action item — so the app can change them as it changes any action — and the `actions` rows
 * the projector would have written. Also a keyworking service the demo ICB does not commission,
 * with a child of its own, and an ICB lead who is on no child's team.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { actionItem, findElementById, heading, newRichTextState } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { actionNodeName, daysFrom, todayInEngland, type ActionStatus, type CetrStatus } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { hashPassword } from "../../src/auth/passwords.js";
import { demoPassword } from "./api-client.js";

export interface FixtureAction {
  text: string;
  ownerId?: string | null;
  /** An agency with no one named yet. */
  ownerAgencyId?: string | null;
  /** Days from today (negative: overdue), or null for none. */
  dueInDays: number | null;
  status?: ActionStatus;
  /** Taken out of the document: its row stays, with removed_at set. */
  removed?: boolean;
  createdAt?: Date;
}

export interface FixtureCetr {
  cetrId: string;
  documentId: string;
  /** In the order given. */
  actionIds: string[];
}

/** A due date this many days from today in England. */
export const dueInDays = (days: number): string => daysFrom(todayInEngland(), days);

/** A CETR for the case, held (by default) a month ago, with these actions in its document. */
export async function insertCetr(
  db: Db,
  c: { caseId: string; heldOn?: string | null; status?: CetrStatus; actions: readonly FixtureAction[] },
): Promise<FixtureCetr> {
  const [child] = await db.select({ serviceId: schema.cases.serviceId, name: schema.cases.name }).from(schema.cases).where(eq(schema.cases.id, c.caseId));
  if (!child) throw new Error(`No case ${c.caseId}`);
  const actions = c.actions.map((a) => ({ ...a, id: randomUUID(), dueDate: a.dueInDays === null ? null : dueInDays(a.dueInDays), status: a.status ?? "open" }));
  const attributes = (a: (typeof actions)[number]) => {
    const attrs: Record<string, string> = { id: a.id, status: a.status };
    if (a.ownerId) attrs.ownerId = a.ownerId;
    if (a.ownerAgencyId) attrs.ownerAgencyId = a.ownerAgencyId;
    if (a.dueDate) attrs.dueDate = a.dueDate;
    return attrs;
  };
  const [document] = await db
    .insert(schema.documents)
    .values({
      caseId: c.caseId,
      kind: "cetr",
      title: `CETR: ${child.name}`,
      visibility: "professionals",
      snapshot: newRichTextState([heading("Am I safe?"), ...actions.filter((a) => !a.removed).map((a) => actionItem(a.text, attributes(a)))]),
    })
    .returning({ id: schema.documents.id });
  const documentId = document!.id;
  const [cetr] = await db
    .insert(schema.cetrs)
    .values({
      serviceId: child.serviceId,
      caseId: c.caseId,
      setting: "community",
      status: c.status ?? "agreed",
      reason: "Risk of admission has gone up since the summer.",
      heldOn: c.heldOn === undefined ? dueInDays(-30) : c.heldOn,
      documentId,
    })
    .returning({ id: schema.cetrs.id });
  if (actions.length > 0) {
    await db.insert(schema.actions).values(
      actions.map((a, position) => ({
        id: a.id,
        caseId: c.caseId,
        documentId,
        text: a.text,
        ownerId: a.ownerId ?? null,
        ownerAgencyId: a.ownerAgencyId ?? null,
        dueDate: a.dueDate,
        status: a.status,
        section: "Am I safe?",
        position,
        removedAt: a.removed ? new Date() : null,
        ...(a.createdAt ? { createdAt: a.createdAt, updatedAt: a.createdAt } : {}),
      })),
    );
  }
  return { cetrId: cetr!.id, documentId, actionIds: actions.map((a) => a.id) };
}

/**
 * An action's status changed at this time, with its history, as the projector records it — in
 * its document's node too, so a later projection of the document keeps it (for a document not
 * open in a room: an open room keeps what it holds).
 */
export async function recordStatusChange(db: Db, actionId: string, from: ActionStatus, to: ActionStatus, at: Date): Promise<void> {
  const [found] = await db
    .select({ documentId: schema.documents.id, snapshot: schema.documents.snapshot })
    .from(schema.actions)
    .innerJoin(schema.documents, eq(schema.documents.id, schema.actions.documentId))
    .where(eq(schema.actions.id, actionId));
  if (!found?.snapshot) throw new Error(`No document holds action ${actionId}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, found.snapshot);
  findElementById(doc, actionNodeName, actionId)?.setAttribute("status", to);
  await db.update(schema.documents).set({ snapshot: Y.encodeStateAsUpdate(doc) }).where(eq(schema.documents.id, found.documentId));
  await db.update(schema.actions).set({ status: to, updatedAt: at }).where(eq(schema.actions.id, actionId));
  await db.insert(schema.actionEvents).values({ actionId, field: "status", fromValue: from, toValue: to, at });
}

/** An escalation of the action, as the escalation feature records one. */
export async function recordEscalation(db: Db, actionId: string, byId: string): Promise<void> {
  await db.insert(schema.actionEscalations).values({ actionId, level: 1, note: "Please reply by Friday.", byId, toldIds: [] });
}

/**
 * Another keyworking service, with a child whose family shares with the given ICB agency: the
 * demo ICB does not commission it (until a test says so). Returns the child's case id and the
 * service's id.
 */
export async function serviceElsewhere(db: Db, icbAgencyId: string): Promise<{ serviceId: string; caseId: string }> {
  const [service] = await db.insert(schema.services).values({ name: "Southfield Keyworking Service", area: "Southfield" }).returning({ id: schema.services.id });
  const serviceId = service!.id;
  const [keyworker] = await db
    .insert(schema.people)
    .values({ serviceId, name: "Jo Southfield", email: `jo.southfield.${randomBytes(4).toString("hex")}@roundtable.demo`, role: "keyworker" })
    .returning({ id: schema.people.id });
  const [child] = await db
    .insert(schema.cases)
    .values({ serviceId, name: "Robin Southfield", ragRating: "red", keyworkerId: keyworker!.id })
    .returning({ id: schema.cases.id });
  const caseId = child!.id;
  await db.insert(schema.caseMembers).values({ caseId, personId: keyworker!.id, role: "keyworker" });
  await db.insert(schema.consents).values({ caseId, kind: "share-with-agency", agencyId: icbAgencyId, decision: "given", givenBy: "Robin's mum", recordedBy: keyworker!.id });
  return { serviceId, caseId };
}

/** An ICB lead of this ICB agency on no child's team, in the given service. Returns the sign-in name. */
export async function icbLeadOffTeam(db: Db, serviceId: string, icbAgencyId: string): Promise<string> {
  const login = `icb.lead.${randomBytes(4).toString("hex")}`;
  await db.insert(schema.people).values({
    serviceId,
    agencyId: icbAgencyId,
    name: "Farah Quality",
    email: `${login}@roundtable.demo`,
    role: "icb-lead",
    jobTitle: "Quality nurse lead",
    passwordHash: await hashPassword(demoPassword),
  });
  return login;
}
