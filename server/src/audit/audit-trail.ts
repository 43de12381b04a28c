/**
 * Reading the audit trail: a case's whole trail for the people who oversee it, and the access
 * report for the child's family — who has looked at which of their records, when, in what role.
 * The report covers only records the family member may open themselves, so it never reveals
 * that a professionals-only record exists.
 */
import { schema, type Db } from "@roundtable/db";
import {
  effectiveCaseRole,
  mayReadAccessReport,
  mayReadAuditTrail,
  recordLookActions,
  type AccessReportEntry,
  type AuditEvent,
} from "@roundtable/domain";
import { and, desc, eq, inArray, isNotNull, lt } from "drizzle-orm";
import { forbidden } from "../errors.js";
import { visibleCase } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import { mayOpen } from "../access/may-open.js";
import type { Person } from "../auth/sessions.js";

export const restrictedRecordTitle = "A record you cannot open";

/** Which of these documents the person may open (each asked once). */
async function openableBy(db: Db, person: Person, documentIds: readonly (string | null)[]): Promise<Map<string, boolean>> {
  const openable = new Map<string, boolean>();
  for (const id of new Set(documentIds)) {
    if (id) openable.set(id, await mayOpen(db, person, "document", id));
  }
  return openable;
}

export async function caseAuditTrail(db: Db, person: Person, caseId: string, page: { before?: number; limit: number }): Promise<AuditEvent[]> {
  const visible = orRefuse(await visibleCase(db, person, caseId));
  const role = effectiveCaseRole(visible.caseRole, person.role);
  if (!mayReadAuditTrail(role)) throw forbidden("Only senior keyworkers and the service lead can read a case's audit trail.");
  const rows = await db
    .select({ event: schema.auditEvents, documentTitle: schema.documents.title })
    .from(schema.auditEvents)
    .leftJoin(schema.documents, eq(schema.documents.id, schema.auditEvents.documentId))
    .where(and(eq(schema.auditEvents.caseId, caseId), page.before ? lt(schema.auditEvents.id, page.before) : undefined))
    .orderBy(desc(schema.auditEvents.id))
    .limit(page.limit);
  // Every event stays on the trail (that is how misuse is found), but a record the reader may
  // not open themselves (a young person's own page) is not named: its title can say too much.
  const mayOpen = await openableBy(db, person, rows.map((r) => r.event.documentId));
  return rows.map(({ event: e, documentTitle }) => ({
    id: e.id,
    at: e.at.toISOString(),
    person: e.personId ? { id: e.personId, name: e.personName ?? "Someone", role: e.personRole } : null,
    action: e.action,
    caseId: e.caseId,
    document: e.documentId ? { id: e.documentId, title: mayOpen.get(e.documentId) ? (documentTitle ?? "A record") : restrictedRecordTitle } : null,
    meetingId: e.meetingId,
    detail: e.detail,
  }));
}

export async function accessReport(db: Db, person: Person, caseId: string): Promise<AccessReportEntry[]> {
  const visible = orRefuse(await visibleCase(db, person, caseId));
  if (!mayReadAccessReport(visible.caseRole)) {
    throw forbidden("The access report is for the child's family: it shows them who has looked at the child's records.");
  }
  const rows = await db
    .select({ event: schema.auditEvents, documentTitle: schema.documents.title, agencyName: schema.agencies.name })
    .from(schema.auditEvents)
    .innerJoin(schema.documents, eq(schema.documents.id, schema.auditEvents.documentId))
    .leftJoin(schema.people, eq(schema.people.id, schema.auditEvents.personId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.people.agencyId))
    .where(and(eq(schema.auditEvents.caseId, caseId), inArray(schema.auditEvents.action, [...recordLookActions]), isNotNull(schema.auditEvents.documentId)))
    .orderBy(desc(schema.auditEvents.id))
    .limit(1000);
  const mayOpen = await openableBy(db, person, rows.map((r) => r.event.documentId));
  return rows
    .filter((r) => mayOpen.get(r.event.documentId!))
    .map(({ event: e, documentTitle, agencyName }) => ({
      at: e.at.toISOString(),
      person: { name: e.personName ?? "Someone", role: e.personRole, agency: agencyName },
      action: e.action,
      record: documentTitle,
    }));
}
