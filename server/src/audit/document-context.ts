/** Which children's trails an event about a document belongs on, and the person's role there. */
import type { Db } from "@roundtable/db";
import type { Role } from "@roundtable/domain";
import { caseRoleOf, type DocumentRow } from "../services/access.js";
import { caseIdsOfMeeting } from "../services/meeting-access.js";
import type { Person } from "../services/sessions.js";
import type { DocumentContext } from "./document-sessions.js";

export async function documentAuditContext(db: Db, person: Person, document: Pick<DocumentRow, "caseId" | "meetingId">): Promise<DocumentContext> {
  let caseIds: string[] = document.caseId ? [document.caseId] : [];
  if (caseIds.length === 0 && document.meetingId) caseIds = await caseIdsOfMeeting(db, document.meetingId);
  const role: Role | null = caseIds.length === 1 ? ((await caseRoleOf(db, person.id, caseIds[0]!)) ?? person.role) : person.role;
  return { caseIds, meetingId: document.meetingId, role };
}
