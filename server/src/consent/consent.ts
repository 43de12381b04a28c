/**
 * A case's consent records: recording or withdrawing consent to share with an agency. Only people
 * who run the case (caseManagerRoles) may; every change is audited and announced, so open
 * connections are re-checked at once (AccessAnnouncer).
 */
import { schema, type Db } from "@roundtable/db";
import type { ConsentRecord, RecordConsentBody } from "@roundtable/domain";
import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { recordAudit } from "../audit/audit-log.js";
import { HttpError, notFound } from "../errors.js";
import { visibleCase } from "../access/access.js";
import { managedCase } from "../access/case-manager.js";
import { orRefuse } from "../access/access-answer.js";
import type { AccessChangeDeps } from "../access/access-announcer.js";
import type { Person } from "../auth/sessions.js";

const recorder = alias(schema.people, "recorder");
const withdrawer = alias(schema.people, "withdrawer");

/** Every consent record for the case, newest first (what holds now: `currentConsents`). */
export async function listConsents(db: Db, person: Person, caseId: string): Promise<ConsentRecord[]> {
  const visible = orRefuse(await visibleCase(db, person, caseId));
  // A young person's decision about their parents is theirs, never shown to the parents (ADR 0026).
  const parentReading = visible.caseRole === "parent";
  const rows = await db
    .select({ consent: schema.consents, agencyName: schema.agencies.name, recorderName: recorder.name, withdrawerName: withdrawer.name })
    .from(schema.consents)
    .innerJoin(recorder, eq(recorder.id, schema.consents.recordedBy))
    .leftJoin(withdrawer, eq(withdrawer.id, schema.consents.withdrawnBy))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.consents.agencyId))
    .where(and(eq(schema.consents.caseId, caseId), parentReading ? ne(schema.consents.kind, "share-with-parents") : undefined))
    .orderBy(desc(schema.consents.recordedAt), desc(schema.consents.id));
  return rows.map(({ consent: c, agencyName, recorderName, withdrawerName }) => ({
    id: c.id,
    caseId: c.caseId,
    kind: c.kind,
    agency: c.agencyId && agencyName ? { id: c.agencyId, name: agencyName } : null,
    decision: c.decision,
    givenBy: c.givenBy,
    note: c.note,
    recordedBy: { id: c.recordedBy, name: recorderName },
    recordedAt: c.recordedAt.toISOString(),
    withdrawn: c.withdrawnAt ? { by: c.withdrawnBy && withdrawerName ? { id: c.withdrawnBy, name: withdrawerName } : null, at: c.withdrawnAt.toISOString() } : null,
  }));
}

export async function recordConsent({ db, access }: AccessChangeDeps, person: Person, caseId: string, body: RecordConsentBody): Promise<ConsentRecord> {
  const { role, caseRow } = orRefuse(await managedCase(db, person, caseId, "record consent"));
  if (body.agencyId) {
    const [agency] = await db.select({ serviceId: schema.agencies.serviceId }).from(schema.agencies).where(eq(schema.agencies.id, body.agencyId));
    if (!agency || agency.serviceId !== caseRow.serviceId) throw new HttpError(400, "The request body is not valid.", { agencyId: "Choose an agency in this service" });
  }
  const [row] = await db
    .insert(schema.consents)
    .values({ caseId, kind: body.kind, agencyId: body.agencyId ?? null, decision: body.decision, givenBy: body.givenBy, note: body.note ?? null, recordedBy: person.id })
    .returning({ id: schema.consents.id });
  await recordAudit(db, { actor: person, role, action: "consent-recorded", caseId, detail: { consentId: row!.id, kind: body.kind, agencyId: body.agencyId ?? null, decision: body.decision } });
  await access.caseAccessChanged(caseId);
  return (await listConsents(db, person, caseId)).find((c) => c.id === row!.id)!;
}

export async function withdrawConsent({ db, access }: AccessChangeDeps, person: Person, caseId: string, consentId: string, note: string | undefined): Promise<ConsentRecord> {
  const { role } = orRefuse(await managedCase(db, person, caseId, "record consent"));
  const updated = await db
    .update(schema.consents)
    .set({ withdrawnAt: new Date(), withdrawnBy: person.id, ...(note ? { note } : {}) })
    .where(and(eq(schema.consents.id, consentId), eq(schema.consents.caseId, caseId), eq(schema.consents.decision, "given"), isNull(schema.consents.withdrawnAt)))
    .returning({ id: schema.consents.id, kind: schema.consents.kind, agencyId: schema.consents.agencyId, withdrawnAt: schema.consents.withdrawnAt });
  if (updated.length === 0) throw notFound("Consent that was given and not yet withdrawn");
  await recordAudit(db, { actor: person, role, action: "consent-withdrawn", caseId, detail: { consentId, kind: updated[0]!.kind, agencyId: updated[0]!.agencyId } });
  await access.caseAccessChanged(caseId);
  return (await listConsents(db, person, caseId)).find((c) => c.id === consentId)!;
}
