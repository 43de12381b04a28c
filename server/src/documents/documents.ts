/** Document use-cases: describe one to a person who may open it, and create a new one from its kind's template. */
import { newCarePlanState, newFamilyViewsState } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { atLeast, type CreateDocumentBody, type DocumentDetail, type DocumentKind, } from "@roundtable/domain";
import { and, eq, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudits } from "../audit/audit-log.js";
import { documentAuditContext } from "../audit/document-context.js";
import { forbidden } from "../errors.js";
import { documentAccessFor, accessFor, visibleCase } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";

export async function describeDocument(db: Db, person: Person, documentId: string): Promise<DocumentDetail> {
  const { document, access, caseName, meetingTitle } = orRefuse(await documentAccessFor(db, person, documentId));
  const related = await db
    .select({ id: schema.documents.id, kind: schema.documents.kind, title: schema.documents.title, visibility: schema.documents.visibility, partOf: schema.documents.partOf })
    .from(schema.documents)
    .where(or(eq(schema.documents.partOf, document.id), document.partOf ? eq(schema.documents.id, document.partOf) : undefined));
  const parts: DocumentDetail["parts"] = [];
  for (const part of related.filter((r) => r.partOf === document.id)) {
    const partAccess = await documentAccessFor(db, person, part.id);
    if (partAccess.ok) parts.push({ id: part.id, kind: part.kind, title: part.title, visibility: part.visibility, access: partAccess.access });
  }
  const whole = related.find((r) => r.id === document.partOf);
  return {
    id: document.id,
    kind: document.kind,
    title: document.title,
    visibility: document.visibility,
    caseId: document.caseId,
    caseName,
    meetingId: document.meetingId,
    meetingTitle,
    access,
    partOf: whole ? { id: whole.id, title: whole.title } : null,
    parts,
  };
}

/** The Yjs state a new document of this kind starts from. */
export function initialState(kind: DocumentKind): Uint8Array | null {
  return kind === "care-plan" ? newCarePlanState() : null;
}

export async function createDocument(db: Db, person: Person, caseId: string, body: CreateDocumentBody): Promise<DocumentDetail> {
  const visible = orRefuse(await visibleCase(db, person, caseId));
  const access = accessFor(person, visible, body);
  if (!atLeast(access, "edit") || visible.caseRole === null) {
    throw forbidden("Only people who can edit this case's documents can add one.");
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.documents)
      .values({ caseId, kind: body.kind, title: body.title, visibility: body.visibility, snapshot: initialState(body.kind), createdBy: person.id })
      .returning({ id: schema.documents.id });
    if (hasFamilyPart(body)) await tx.insert(schema.documents).values(familyPartOf({ id: row!.id, caseId, title: body.title }, [], person.id));
    return row!.id;
  });
  return describeDocument(db, person, id);
}

/**
 * Only a care plan the family can see has a part the family writes: a professionals-only or
 * young-person plan is not theirs to add to, and its title is not theirs to know.
 */
export function hasFamilyPart(plan: { kind: string; visibility: string }): boolean {
  return plan.kind === "care-plan" && plan.visibility === "family";
}

/** The family's own part of a care plan, "What my family says" (ADR 0008). */
export function familyPartOf(plan: { id: string; caseId: string; title: string }, words: readonly string[], createdBy: string | null) {
  return {
    caseId: plan.caseId,
    partOf: plan.id,
    kind: "family-views" as const,
    title: `What my family says (${plan.title})`,
    visibility: "family" as const,
    snapshot: newFamilyViewsState(words),
    createdBy,
  };
}

/**
 * Care plans the family can see, made before the family had their own part, get one, empty but
 * for its prompt (their old "What my family says" section stays in the plan's text). Returns how
 * many were added.
 */
export async function addMissingFamilyParts(db: Db): Promise<number> {
  const part = alias(schema.documents, "part");
  const plans = await db
    .select({ id: schema.documents.id, caseId: schema.documents.caseId, title: schema.documents.title })
    .from(schema.documents)
    .leftJoin(part, and(eq(part.partOf, schema.documents.id), eq(part.kind, "family-views")))
    .where(and(eq(schema.documents.kind, "care-plan"), eq(schema.documents.visibility, "family"), isNull(part.id)));
  for (const plan of plans) {
    if (plan.caseId) await db.insert(schema.documents).values(familyPartOf({ id: plan.id, caseId: plan.caseId, title: plan.title }, [], null));
  }
  return plans.length;
}

/** Someone printed a document they may open: on the trail of each child it is about. */
export async function recordPrinted(db: Db, person: Person, documentId: string): Promise<void> {
  const { document } = orRefuse(await documentAccessFor(db, person, documentId));
  const context = await documentAuditContext(db, person, document);
  await recordAudits(
    db,
    context.caseIds.map((caseId) => ({ actor: person, role: context.role, action: "printed" as const, caseId, documentId, meetingId: document.meetingId })),
  );
}
