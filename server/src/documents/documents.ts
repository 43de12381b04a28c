/** Document use-cases: describe one to a person who may open it, and create a new one from its kind's template. */
import { newCarePlanState, newFamilyViewsState, newNetworkMapState, newYoungPersonViewsState, type CarePlanContent } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { atLeast, type CreateDocumentBody, type DocumentDetail, type DocumentKind, } from "@roundtable/domain";
import { and, desc, eq, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudits } from "../audit/audit-log.js";
import { documentAuditContext } from "../audit/document-context.js";
import { forbidden } from "../errors.js";
import { documentAccessFor, accessFor, visibleCase, type DocumentAccess } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";

export async function describeDocument(db: Db, person: Person, documentId: string): Promise<DocumentDetail> {
  const { document, access, caseName, meetingTitle } = orRefuse(await documentAccessFor(db, person, documentId));
  const related = await db
    .select({ id: schema.documents.id, kind: schema.documents.kind, title: schema.documents.title, visibility: schema.documents.visibility, partOf: schema.documents.partOf })
    .from(schema.documents)
    .where(or(eq(schema.documents.partOf, document.id), document.partOf ? eq(schema.documents.id, document.partOf) : undefined))
    // The young person's words, then the family's ("young-person-views" sorts after "family-views").
    .orderBy(desc(schema.documents.kind), schema.documents.createdAt);
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

/** The Yjs state a new document of this kind about this child starts from. */
export function initialState(kind: DocumentKind, childName: string): Uint8Array | null {
  if (kind === "care-plan") return newCarePlanState();
  if (kind === "network-map") return newNetworkMapState(childName);
  return null;
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
      .values({ caseId, kind: body.kind, title: body.title, visibility: body.visibility, snapshot: initialState(body.kind, visible.caseRow.name), createdBy: person.id })
      .returning({ id: schema.documents.id });
    if (hasFamilyPart(body)) await tx.insert(schema.documents).values(carePlanPartsOf({ id: row!.id, caseId, title: body.title }, {}, person.id));
    return row!.id;
  });
  return describeDocument(db, person, id);
}

/**
 * Only a care plan the family can see has the parts the family and the young person write: a
 * professionals-only or young-person plan is not theirs to add to, and its title is not theirs
 * to know.
 */
export function hasFamilyPart(plan: { kind: string; visibility: string }): boolean {
  return plan.kind === "care-plan" && plan.visibility === "family";
}

/** The parts of a care plan in someone's own words: the young person's (ADR 0026), then the family's (ADR 0008). */
export const ownWordsPartKinds = ["young-person-views", "family-views"] as const satisfies readonly DocumentKind[];
type OwnWordsPartKind = (typeof ownWordsPartKinds)[number];

const partTitles: Record<OwnWordsPartKind, string> = { "young-person-views": "In my own words", "family-views": "What my family says" };

const emptyPart: Record<OwnWordsPartKind, () => Uint8Array> = { "young-person-views": () => newYoungPersonViewsState(), "family-views": () => newFamilyViewsState() };

/** A care plan's part of this kind, starting from this state (or its prompts alone). */
export function planPartOf(kind: OwnWordsPartKind, plan: { id: string; caseId: string; title: string }, createdBy: string | null, snapshot: Uint8Array = emptyPart[kind]()) {
  return { caseId: plan.caseId, partOf: plan.id, kind, title: `${partTitles[kind]} (${plan.title})`, visibility: "family" as const, snapshot, createdBy };
}

/** Both parts of a new care plan: the young person's sections and the family's words, or their prompts. */
export function carePlanPartsOf(
  plan: { id: string; caseId: string; title: string },
  words: { youngPersonSays?: CarePlanContent; familySays?: readonly string[] },
  createdBy: string | null,
) {
  return [
    planPartOf("young-person-views", plan, createdBy, newYoungPersonViewsState(words.youngPersonSays ?? {})),
    planPartOf("family-views", plan, createdBy, newFamilyViewsState(words.familySays ?? [])),
  ];
}

/**
 * Care plans the family can see, made before they had this part, get one, empty but for its
 * prompts (their old sections stay in the plan's text). Returns how many were added.
 */
export async function addMissingPlanParts(db: Db, kind: OwnWordsPartKind): Promise<number> {
  const part = alias(schema.documents, "part");
  const plans = await db
    .select({ id: schema.documents.id, caseId: schema.documents.caseId, title: schema.documents.title })
    .from(schema.documents)
    .leftJoin(part, and(eq(part.partOf, schema.documents.id), eq(part.kind, kind)))
    .where(and(eq(schema.documents.kind, "care-plan"), eq(schema.documents.visibility, "family"), isNull(part.id)));
  for (const plan of plans) {
    if (plan.caseId) await db.insert(schema.documents).values(planPartOf(kind, { id: plan.id, caseId: plan.caseId, title: plan.title }, null));
  }
  return plans.length;
}

/** Someone downloaded a document they may open (as a PDF, a map's picture…): on the trail of each child it is about. */
export async function recordExported(db: Db, person: Person, document: DocumentAccess["document"], detail: Record<string, string | number>): Promise<void> {
  const context = await documentAuditContext(db, person, document);
  await recordAudits(
    db,
    context.caseIds.map((caseId) => ({ actor: person, role: context.role, action: "exported" as const, caseId, documentId: document.id, meetingId: document.meetingId, detail })),
  );
}

/** Someone printed a document they may open: on the trail of each child it is about. */
export async function recordPrinted(db: Db, person: Person, documentId: string): Promise<void> {
  const { document, caseRole } = orRefuse(await documentAccessFor(db, person, documentId));
  const context = await documentAuditContext(db, person, document, caseRole);
  await recordAudits(
    db,
    context.caseIds.map((caseId) => ({ actor: person, role: context.role, action: "printed" as const, caseId, documentId, meetingId: document.meetingId })),
  );
}
