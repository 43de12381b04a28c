/** Document use-cases: describe one to a person who may open it, and create a new one from its kind's template. */
import { newCarePlanState } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { atLeast, type CreateDocumentBody, type DocumentDetail, type DocumentKind } from "@roundtable/domain";
import { forbidden } from "../errors.js";
import { documentAccessFor, accessFor, visibleCase } from "./access.js";
import type { Person } from "./sessions.js";

export async function describeDocument(db: Db, person: Person, documentId: string): Promise<DocumentDetail> {
  const { document, access, caseName, meetingTitle } = await documentAccessFor(db, person, documentId);
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
  };
}

/** The Yjs state a new document of this kind starts from. */
export function initialState(kind: DocumentKind): Uint8Array | null {
  return kind === "care-plan" ? newCarePlanState() : null;
}

export async function createDocument(db: Db, person: Person, caseId: string, body: CreateDocumentBody): Promise<DocumentDetail> {
  const visible = await visibleCase(db, person, caseId);
  const access = accessFor(person, visible, body.visibility);
  if (!atLeast(access, "edit") || visible.caseRole === null) {
    throw forbidden("Only people who can edit this case's documents can add one.");
  }
  const [row] = await db
    .insert(schema.documents)
    .values({ caseId, kind: body.kind, title: body.title, visibility: body.visibility, snapshot: initialState(body.kind), createdBy: person.id })
    .returning({ id: schema.documents.id });
  return describeDocument(db, person, row!.id);
}
