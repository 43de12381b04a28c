/**
 * The relationships a service offers on its network maps (ADR 0035): the ones every service has,
 * then the service's own, which only its service lead adds, renames, moves and removes
 * (mayChooseRelationshipLabels), each change on the audit trail. Whoever may open a child's
 * record reads the words for that child's service, to connect people on the child's map.
 *
 * Changes to one service's list are made one at a time (its service row is locked), so the list's
 * bounds and its "no two the same" hold when two service leads change it at once; positions are
 * kept 0, 1, 2… in the order shown.
 */
import { schema, type Db } from "@roundtable/db";
import {
  defaultRelationshipLabels,
  mayChooseRelationshipLabels,
  relationshipLabelRefusal,
  relationshipLabelsOffered,
  type RelationshipLabelBody,
  type RelationshipLabelPositionBody,
  type ServiceRelationshipLabel,
  type ServiceRelationshipLabels,
} from "@roundtable/domain";
import { and, asc, eq } from "drizzle-orm";
import { visibleCase } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import { recordAudit, type NewAuditEvent } from "../audit/audit-log.js";
import type { Person } from "../auth/sessions.js";
import { forbidden, HttpError, notFound } from "../errors.js";

const labels = schema.relationshipLabels;

async function ownLabels(db: Db, serviceId: string): Promise<ServiceRelationshipLabel[]> {
  return db.select({ id: labels.id, label: labels.label }).from(labels).where(eq(labels.serviceId, serviceId)).orderBy(asc(labels.position), asc(labels.createdAt));
}

function mustChoose(person: Person): void {
  if (!mayChooseRelationshipLabels(person.role)) throw forbidden("Only the service lead chooses the relationships offered on network maps.");
}

const refused = (message: string) => new HttpError(409, message, { label: message });

/** The service lead's view: the words every service has, and the service's own in order. */
export async function listRelationshipLabels(db: Db, person: Person): Promise<ServiceRelationshipLabels> {
  mustChoose(person);
  return { defaults: defaultRelationshipLabels, own: await ownLabels(db, person.serviceId) };
}

/**
 * One change to the service's list, made while no other can be: `change` is given the list as it
 * is, writes its change and says what to put on the audit trail.
 */
async function changeLabels(
  db: Db,
  person: Person,
  change: (tx: Db, own: ServiceRelationshipLabel[]) => Promise<Pick<NewAuditEvent, "action" | "detail">>,
): Promise<ServiceRelationshipLabels> {
  mustChoose(person);
  await db.transaction(async (tx) => {
    await tx.select({ id: schema.services.id }).from(schema.services).where(eq(schema.services.id, person.serviceId)).for("update");
    const audited = await change(tx, await ownLabels(tx, person.serviceId));
    await recordAudit(tx, { actor: person, role: person.role, ...audited });
  });
  return listRelationshipLabels(db, person);
}

/** Writes `ordered` as the service's list: each at its place, the first 0. */
async function renumber(tx: Db, ordered: readonly ServiceRelationshipLabel[]): Promise<void> {
  for (const [position, { id }] of ordered.entries()) await tx.update(labels).set({ position, updatedAt: new Date() }).where(eq(labels.id, id));
}

function labelIn(own: readonly ServiceRelationshipLabel[], id: string): ServiceRelationshipLabel {
  const found = own.find((l) => l.id === id);
  if (!found) throw notFound("That relationship");
  return found;
}

export function addRelationshipLabel(db: Db, person: Person, { label }: RelationshipLabelBody): Promise<ServiceRelationshipLabels> {
  return changeLabels(db, person, async (tx, own) => {
    const refusal = relationshipLabelRefusal(label, own);
    if (refusal) throw refused(refusal);
    await tx.insert(labels).values({ serviceId: person.serviceId, label, position: own.length });
    return { action: "relationship-label-added", detail: { label } };
  });
}

export function renameRelationshipLabel(db: Db, person: Person, id: string, { label }: RelationshipLabelBody): Promise<ServiceRelationshipLabels> {
  return changeLabels(db, person, async (tx, own) => {
    const current = labelIn(own, id);
    const refusal = relationshipLabelRefusal(label, own, id);
    if (refusal) throw refused(refusal);
    await tx.update(labels).set({ label, updatedAt: new Date() }).where(eq(labels.id, id));
    return { action: "relationship-label-renamed", detail: { id, from: current.label, to: label } };
  });
}

/** To `position` in the service's own list (past the end is the end); the others keep their order. */
export function moveRelationshipLabel(db: Db, person: Person, id: string, { position }: RelationshipLabelPositionBody): Promise<ServiceRelationshipLabels> {
  return changeLabels(db, person, async (tx, own) => {
    const moving = labelIn(own, id);
    const rest = own.filter((l) => l.id !== id);
    const at = Math.min(position, rest.length);
    await renumber(tx, [...rest.slice(0, at), moving, ...rest.slice(at)]);
    return { action: "relationship-label-moved", detail: { id, label: moving.label, position: at } };
  });
}

/** Off the list: no longer offered; the maps' relationships that use it keep their words. */
export function removeRelationshipLabel(db: Db, person: Person, id: string): Promise<ServiceRelationshipLabels> {
  return changeLabels(db, person, async (tx, own) => {
    const removing = labelIn(own, id);
    await tx.delete(labels).where(and(eq(labels.id, id), eq(labels.serviceId, person.serviceId)));
    await renumber(
      tx,
      own.filter((l) => l.id !== id),
    );
    return { action: "relationship-label-removed", detail: { id, label: removing.label } };
  });
}

/**
 * The relationships a child's map offers, for whoever may open the child's record (a parent
 * included): the defaults, then the child's service's own. Anyone else is told the child is not
 * there (404).
 */
export async function caseRelationshipLabels(db: Db, person: Person, caseId: string): Promise<string[]> {
  const { caseRow } = orRefuse(await visibleCase(db, person, caseId));
  return relationshipLabelsOffered((await ownLabels(db, caseRow.serviceId)).map((l) => l.label));
}
