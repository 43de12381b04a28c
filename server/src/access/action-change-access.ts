/**
 * What a person may do with the documents a list of actions sits in, worked out for the whole
 * list at once (three look-ups, not one per action), so each action in a list can say whether
 * its "Mark as done" and "Change due date" will be accepted — by the same rules (documentAccess,
 * meetingAccess) that the change itself is checked by.
 */
import { schema, type Db } from "@roundtable/db";
import { documentAccess, type AccessLevel, type DocumentKind, type Visibility } from "@roundtable/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { Person } from "../auth/sessions.js";
import { cetrDocumentLevels } from "./cetr-standing.js";
import { meetingAccessMap, minutesDocumentAccess } from "./meeting-access.js";
import { casesSharingWith } from "./sharing-consent.js";
import { membershipCounts } from "./team-membership.js";

export interface ActionDocumentFacts {
  documentId: string;
  caseId: string;
  keyworkerId: string | null;
  meetingId: string | null;
  visibility: Visibility;
  kind: DocumentKind;
  whole: { visibility: Visibility; kind: DocumentKind } | null;
}

/** What a list's query reads of an action's document: the columns actions.ts and the CETR actions list both select. */
export interface ActionDocumentColumns {
  action: { documentId: string; caseId: string };
  keyworkerId: string | null;
  documentMeetingId: string | null;
  visibility: Visibility;
  documentKind: DocumentKind;
  wholeVisibility: Visibility | null;
  wholeKind: DocumentKind | null;
}

export function actionDocumentFacts(r: ActionDocumentColumns): ActionDocumentFacts {
  return {
    documentId: r.action.documentId,
    caseId: r.action.caseId,
    keyworkerId: r.keyworkerId,
    meetingId: r.documentMeetingId,
    visibility: r.visibility,
    kind: r.documentKind,
    whole: r.wholeVisibility && r.wholeKind ? { visibility: r.wholeVisibility, kind: r.wholeKind } : null,
  };
}

export async function accessToActionDocuments(db: Db, person: Person, rows: readonly ActionDocumentFacts[]): Promise<Map<string, AccessLevel>> {
  const levels = new Map<string, AccessLevel>();
  if (rows.length === 0) return levels;
  // A CETR's report and summary follow the CETR, not the table (ADR 0033): answered first, so
  // their children need no look-up below.
  const cetrLevels = await cetrDocumentLevels(db, person, rows.filter((r) => r.kind === "cetr" || r.kind === "cetr-summary").map((r) => r.documentId));
  for (const [documentId, level] of cetrLevels) levels.set(documentId, level);
  const caseIds = [...new Set(rows.filter((r) => !r.meetingId && !levels.has(r.documentId)).map((r) => r.caseId))];
  const meetingIds = [...new Set(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))];
  const [memberships, sharing, meetings] = await Promise.all([
    caseIds.length
      ? db
          .select({ caseId: schema.caseMembers.caseId, role: schema.caseMembers.role })
          .from(schema.caseMembers)
          .where(and(eq(schema.caseMembers.personId, person.id), inArray(schema.caseMembers.caseId, caseIds), membershipCounts()))
      : Promise.resolve([]),
    casesSharingWith(db, person.agencyId, caseIds),
    meetingAccessMap(db, person, meetingIds),
  ]);
  const roleOn = new Map(memberships.map((m) => [m.caseId, m.role]));
  for (const r of rows) {
    if (levels.has(r.documentId)) continue;
    // Minutes follow their meeting, as documentAccessFor has it.
    const found = r.meetingId ? meetings.get(r.meetingId) : undefined;
    // Each child's section of a tracker meeting has its own answer (minutesDocumentAccess).
    const level = r.meetingId
      ? found
        ? minutesDocumentAccess(found, r.documentId)
        : "none"
      : documentAccess({
          whole: r.whole,
          caseRole: roleOn.get(r.caseId) ?? null,
          accountRole: person.role,
          visibility: r.visibility,
          kind: r.kind,
          isOwnKeyworker: r.keyworkerId === person.id,
          sharingConsented: sharing.has(r.caseId),
        });
    levels.set(r.documentId, level);
  }
  return levels;
}
