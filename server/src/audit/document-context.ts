/** Which children's trails an event about a document belongs on, and the person's role there. */
import { schema, type Db } from "@roundtable/db";
import { eq } from "drizzle-orm";
import type { Role } from "@roundtable/domain";
import { caseRoleOf, type DocumentRow } from "../access/access.js";
import { caseIdsOfMeeting } from "../access/meeting-access.js";
import type { Person } from "../auth/sessions.js";
import type { DocumentVisits } from "../collab/collab-endpoint.js";
import type { DocumentContext, DocumentSessions } from "./document-sessions.js";

/**
 * `caseRole`: the person's role on the document's case team when the caller has just read it
 * (the access check has), so it is not asked for again.
 */
export async function documentAuditContext(db: Db, person: Person, document: Pick<DocumentRow, "caseId" | "meetingId">, caseRole?: Role | null): Promise<DocumentContext> {
  let caseIds: string[] = document.caseId ? [document.caseId] : [];
  if (caseIds.length === 0 && document.meetingId) caseIds = await caseIdsOfMeeting(db, document.meetingId);
  const teamRole = async (caseId: string) => (caseRole !== undefined && caseId === document.caseId ? caseRole : caseRoleOf(db, person.id, caseId));
  const role: Role | null = caseIds.length === 1 ? ((await teamRole(caseIds[0]!)) ?? person.role) : person.role;
  return { caseIds, meetingId: document.meetingId, role };
}

/** The trail context of a document known only by id (one the person has just been let into). */
export async function documentAuditContextById(db: Db, person: Person, documentId: string): Promise<DocumentContext> {
  const [document] = await db.select({ caseId: schema.documents.caseId, meetingId: schema.documents.meetingId }).from(schema.documents).where(eq(schema.documents.id, documentId));
  return documentAuditContext(db, person, document ?? { caseId: null, meetingId: null });
}

/** The collab endpoint's visits, written to the audit trail: one "opened" a visit, and the edit session it ends. */
export function auditedVisits(db: Db, sessions: DocumentSessions): DocumentVisits {
  return {
    async prepare(documentId, person, document, caseRole) {
      const context = await documentAuditContext(db, person, document, caseRole);
      return {
        opened: () => void sessions.connected(documentId, person, context),
        closed: () => void sessions.disconnected(documentId, person.id),
      };
    },
  };
}
