/**
 * The minutes of a meeting as a PDF for someone who may open the meeting: the agreed version
 * once agreed (exactly what was agreed, even if someone opens it later), otherwise the draft
 * as it stands now.
 */
import { richTextToJson } from "@roundtable/collab";
import { schema } from "@roundtable/db";
import type { DocNode } from "@roundtable/domain";
import { and, desc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { recordAudits } from "../audit/audit-log.js";
import { documentAuditContext } from "../audit/document-context.js";
import { actionOwnerNames } from "../pdf/action-owner-names.js";
import { withCarriedActions } from "../actions/carried-actions.js";
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
  // Each child's part starts with the actions carried from their earlier meetings (ADR 0027).
  const parts = await Promise.all(documentIds.map(async (documentId) => withCarriedActions(db, documentId, await minutesJson(deps, documentId, agreed))));
  const minutes: DocNode = { type: "doc", content: parts.flatMap((p) => p.content ?? []) };

  const pdf = await minutesPdf({
    meeting,
    minutes,
    versionLabel: agreed ? "Agreed minutes" : "Draft minutes, not yet agreed",
    names: await actionOwnerNames(db, minutes),
    downloadedBy: person.name,
    downloadedAt: now,
  });
  const context = await documentAuditContext(db, person, { caseId: meeting.caseId, meetingId: meeting.id });
  await recordAudits(
    db,
    context.caseIds.filter((caseId) => meeting.cases.some((c) => c.id === caseId)).map((caseId) => ({
      actor: person,
      role: context.role,
      action: "exported" as const,
      caseId,
      documentId: documentIds[0]!,
      meetingId: meeting.id,
      detail: { format: "pdf", version: agreed ? "agreed" : "draft" },
    })),
  );
  const day = meeting.startsAt.slice(0, 10);
  const slug = meeting.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return { filename: `${slug || "meeting"}-${day}-minutes.pdf`, pdf };
}

/**
 * One document as JSON: for agreed minutes the agreed version (exactly what was agreed),
 * otherwise as it stands now. Also what the easy-read view reads (ADR 0023).
 */
export async function minutesJson(deps: Pick<MeetingDeps, "db" | "registry">, documentId: string, agreed: boolean): Promise<DocNode> {
  let state: Uint8Array | null = null;
  if (agreed) {
    const [version] = await deps.db
      .select({ state: schema.documentVersions.state })
      .from(schema.documentVersions)
      .where(and(eq(schema.documentVersions.documentId, documentId), eq(schema.documentVersions.name, "Agreed minutes")))
      .orderBy(desc(schema.documentVersions.createdAt))
      .limit(1);
    state = version?.state ?? null;
  }
  state ??= await minutesState(deps, documentId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const json = richTextToJson(doc);
  doc.destroy();
  return json;
}
