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
  type AuditFilter,
  type AuditFilterChoices,
} from "@roundtable/domain";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { forbidden } from "../errors.js";
import { visibleCase } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import { mayOpen } from "../access/may-open.js";
import type { Person } from "../auth/sessions.js";
import { documentsVisibleTo } from "../access/visible-documents.js";
import { auditLines, filterConditions, peopleOnTrail, recordsOnTrail } from "./audit-lines.js";

export const restrictedRecordTitle = "A record you cannot open";

/** Which of these documents the person may open (each asked once). */
async function openableBy(db: Db, person: Person, documentIds: readonly (string | null)[]): Promise<Map<string, boolean>> {
  const openable = new Map<string, boolean>();
  for (const id of new Set(documentIds)) {
    if (id) openable.set(id, await mayOpen(db, person, "document", id));
  }
  return openable;
}

export interface AuditPage {
  filter: AuditFilter;
  before?: number | undefined;
  asOf?: number | undefined;
  limit: number;
}

/** The case, if this person may read its audit trail. */
async function requireAuditReader(db: Db, person: Person, caseId: string): Promise<void> {
  const visible = orRefuse(await visibleCase(db, person, caseId));
  const role = effectiveCaseRole(visible.caseRole, person.role);
  if (!mayReadAuditTrail(role)) throw forbidden("Only senior keyworkers and the service lead can read a case's audit trail.");
}

/** The case, if this person is the child's family, who are given the access report. */
async function requireAccessReportReader(db: Db, person: Person, caseId: string): Promise<void> {
  const visible = orRefuse(await visibleCase(db, person, caseId));
  if (!mayReadAccessReport(visible.caseRole)) {
    throw forbidden("The access report is for the child's family: it shows them who has looked at the child's records.");
  }
}

export async function caseAuditTrail(db: Db, person: Person, caseId: string, page: AuditPage): Promise<AuditEvent[]> {
  await requireAuditReader(db, person, caseId);
  const lines = await auditLines(db, and(eq(schema.auditEvents.caseId, caseId), filterConditions(page.filter)), page);
  // Every event stays on the trail (that is how misuse is found), but a record the reader may
  // not open themselves (a young person's own page) is not named: its title can say too much.
  const mayOpen = await openableBy(db, person, lines.map((l) => l.documentId));
  return lines.map((l) => ({
    id: l.id,
    at: l.at,
    firstAt: l.firstAt,
    count: l.count,
    person: l.personId ? { id: l.personId, name: l.personName ?? "Someone", role: l.personRole } : null,
    action: l.action,
    caseId: l.caseId,
    document: l.documentId ? { id: l.documentId, title: mayOpen.get(l.documentId) ? (l.documentTitle ?? "A record") : restrictedRecordTitle } : null,
    meetingId: l.meetingId,
    detail: l.detail,
  }));
}

/** Who and which records appear on the trail, for its filters; only records the reader may open are named. */
export async function caseAuditChoices(db: Db, person: Person, caseId: string): Promise<AuditFilterChoices> {
  await requireAuditReader(db, person, caseId);
  const onCase = eq(schema.auditEvents.caseId, caseId);
  // The records are named only when the reader may open them: asked once, as one condition,
  // not record by record (a long trail names hundreds).
  const visible = await documentsVisibleTo(db, person);
  const [people, records] = await Promise.all([
    peopleOnTrail(db, onCase),
    visible ? recordsOnTrail(db, and(onCase, inArray(schema.auditEvents.documentId, visible.ids))!) : Promise.resolve([]),
  ]);
  return { people, records };
}

/** The family's report looks only at records they may open themselves, so it never reveals that a professionals-only one exists. */
async function familyReportScope(db: Db, person: Person, caseId: string): Promise<SQL | null> {
  const visible = await documentsVisibleTo(db, person);
  if (!visible) return null;
  return and(
    eq(schema.auditEvents.caseId, caseId),
    inArray(schema.auditEvents.action, [...recordLookActions]),
    inArray(schema.auditEvents.documentId, visible.ids),
  )!;
}

export async function accessReport(db: Db, person: Person, caseId: string, page: AuditPage): Promise<AccessReportEntry[]> {
  await requireAccessReportReader(db, person, caseId);
  const scope = await familyReportScope(db, person, caseId);
  if (!scope) return [];
  const lines = await auditLines(db, and(scope, filterConditions(page.filter)), page);
  return lines.map((l) => ({
    id: l.id,
    at: l.at,
    firstAt: l.firstAt,
    count: l.count,
    person: { name: l.personName ?? "Someone", role: l.personRole, agency: l.agencyName },
    action: l.action,
    record: l.documentTitle ?? "A record",
  }));
}

export async function accessReportChoices(db: Db, person: Person, caseId: string): Promise<AuditFilterChoices> {
  await requireAccessReportReader(db, person, caseId);
  const scope = await familyReportScope(db, person, caseId);
  if (!scope) return { people: [], records: [] };
  const [people, records] = await Promise.all([peopleOnTrail(db, scope), recordsOnTrail(db, scope)]);
  return { people, records };
}
