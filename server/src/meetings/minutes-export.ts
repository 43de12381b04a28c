/**
 * The minutes of a meeting as a PDF for someone who may open the meeting: the agreed version
 * once agreed (exactly what was agreed, even if someone opens it later), otherwise the draft
 * as it stands now. Its downloads and prints go on the trail of each child's minutes given.
 */
import { richTextToJson } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { agreedMinutesName, withCarriedActionRecords, type CarriedActionRecord, type DocNode, type Meeting } from "@roundtable/domain";
import { and, desc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { recordAudits } from "../audit/audit-log.js";
import { documentAuditContext } from "../audit/document-context.js";
import { caseRoleOf } from "../access/access.js";
import { actionOwnerNames } from "../pdf/action-owner-names.js";
import { carriedActionRecords } from "../actions/carried-actions.js";
import { minutesPdf } from "./minutes-pdf.js";
import { getMeeting, minutesState, type MeetingDeps } from "./meetings.js";
import type { Person } from "../auth/sessions.js";

export interface MinutesExport {
  filename: string;
  pdf: Buffer;
}

export async function minutesAsPdf(deps: MeetingDeps, person: Person, meetingId: string, now = new Date()): Promise<MinutesExport> {
  const { db } = deps;
  const meeting = await getMeeting(db, person, meetingId);
  const agreed = meeting.status === "minutes-agreed";
  // The parts this person may open, in order: the meeting's own minutes, then each child's
  // section they may see (a tracker meeting's other children are withheld, ADR 0017).
  const documentIds = [...(meeting.minutesDocumentId ? [meeting.minutesDocumentId] : []), ...meeting.caseMinutes.map((m) => m.documentId)];
  const parts = await Promise.all(documentIds.map((documentId) => minutesJson(deps, documentId, agreed)));
  const minutes: DocNode = { type: "doc", content: parts.flatMap((p) => p.content ?? []) };

  const pdf = await minutesPdf({
    meeting,
    minutes,
    versionLabel: agreed ? "Agreed minutes" : "Draft minutes, not yet agreed",
    names: await actionOwnerNames(db, minutes),
    downloadedBy: person.name,
    downloadedAt: now,
  });
  await recordMinutesGiven(db, person, meeting, "exported", { format: "pdf", version: agreed ? "agreed" : "draft" });
  const day = meeting.startsAt.slice(0, 10);
  const slug = meeting.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return { filename: `${slug || "meeting"}-${day}-minutes.pdf`, pdf };
}

/**
 * A print or download of a meeting's minutes, on the trail against the meeting and the documents
 * this person was given: each child's section they may open on that child's trail (a tracker
 * meeting, ADR 0017), or, for minutes kept as one document, that document on the trail of each
 * child it covers. The general business of a per-child meeting comes only with every child's
 * section, so the meeting on each row stands for it.
 */
export async function recordMinutesGiven(db: Db, person: Person, meeting: Meeting, action: "exported" | "printed", detail?: Record<string, unknown>): Promise<void> {
  if (meeting.caseMinutes.length > 0) {
    const events = await Promise.all(
      meeting.caseMinutes.map(async ({ caseId, documentId }) => ({
        actor: person,
        role: (await caseRoleOf(db, person.id, caseId)) ?? person.role,
        action,
        caseId,
        documentId,
        meetingId: meeting.id,
        detail,
      })),
    );
    await recordAudits(db, events);
    return;
  }
  if (!meeting.minutesDocumentId) return;
  const context = await documentAuditContext(db, person, { caseId: meeting.caseId, meetingId: meeting.id });
  await recordAudits(
    db,
    context.caseIds
      .filter((caseId) => meeting.cases.some((c) => c.id === caseId))
      .map((caseId) => ({ actor: person, role: context.role, action, caseId, documentId: meeting.minutesDocumentId, meetingId: meeting.id, detail })),
  );
}

/** A print of the minutes from the meeting page (the browser prints what the page shows): on the trail like a download. */
export async function recordMinutesPrinted(db: Db, person: Person, meetingId: string): Promise<void> {
  await recordMinutesGiven(db, person, await getMeeting(db, person, meetingId), "printed");
}

/**
 * One document as JSON: for agreed minutes the agreed version (exactly what was agreed),
 * otherwise as it stands now; a child's part starts with the actions carried from their earlier
 * meetings (ADR 0027), as they stood when the minutes were agreed, or as they stand now. Also
 * what the easy-read view reads (ADR 0023).
 */
export async function minutesJson(deps: Pick<MeetingDeps, "db" | "registry">, documentId: string, agreed: boolean): Promise<DocNode> {
  let version: { state: Uint8Array; carriedActions: CarriedActionRecord[] | null } | undefined;
  if (agreed) {
    [version] = await deps.db
      .select({ state: schema.documentVersions.state, carriedActions: schema.documentVersions.carriedActions })
      .from(schema.documentVersions)
      .where(and(eq(schema.documentVersions.documentId, documentId), eq(schema.documentVersions.name, agreedMinutesName)))
      .orderBy(desc(schema.documentVersions.createdAt))
      .limit(1);
  }
  const state = version?.state ?? (await minutesState(deps, documentId));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const json = richTextToJson(doc);
  doc.destroy();
  // As agreed, once agreed; a version kept before the carried actions were (null) reads them as they stand.
  return withCarriedActionRecords(json, version?.carriedActions ?? (await carriedActionRecords(deps.db, documentId)));
}
