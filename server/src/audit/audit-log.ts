/**
 * Writing the audit trail. Each event names who (with their name and role as they were then),
 * what, and which case, document or meeting. The table is append-only (migration 0008).
 */
import { schema, type Db } from "@roundtable/db";
import type { AuditAction, Role } from "@roundtable/domain";

export interface AuditActor {
  id: string;
  name: string;
}

export interface NewAuditEvent {
  /** Who did it; null when the system itself did. */
  actor: AuditActor | null;
  /** Their role on the case at the time (or their account role). */
  role: Role | null;
  action: AuditAction;
  caseId?: string | null;
  documentId?: string | null;
  meetingId?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Db, event: NewAuditEvent): Promise<void> {
  await db.insert(schema.auditEvents).values(toRow(event));
}

export async function recordAudits(db: Db, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length > 0) await db.insert(schema.auditEvents).values(events.map(toRow));
}

function toRow(event: NewAuditEvent): typeof schema.auditEvents.$inferInsert {
  return {
    personId: event.actor?.id ?? null,
    personName: event.actor?.name ?? null,
    personRole: event.role,
    action: event.action,
    caseId: event.caseId ?? null,
    documentId: event.documentId ?? null,
    meetingId: event.meetingId ?? null,
    detail: event.detail ?? null,
  };
}
