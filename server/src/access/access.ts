/**
 * Need-to-know access: which cases a person may see, and what they may do with a document.
 * The rules themselves are the table in packages/domain; this module only looks up the facts
 * (team role, own keyworker) the table needs.
 */
import { schema, type Db } from "@roundtable/db";
import {
  cetrDocumentAccess,
  documentAccess,
  isFamilyRole,
  seesWholeService,
  type AccessLevel,
  type DocumentKind,
  type RecordedRagRating,
  type Role,
  type Visibility,
} from "@roundtable/domain";
import { and, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { forbiddenRefusal, granted, notFoundRefusal, type AccessAnswer } from "./access-answer.js";
import { meetingAccessMap, minutesDocumentAccess } from "./meeting-access.js";
import { sharingConsentedFor } from "./sharing-consent.js";
import { cetrOfDocument, standingToCetr } from "./cetr-standing.js";
import { panelMayReadPaper } from "./cetr-papers-access.js";
import { membershipCounts } from "./team-membership.js";
import type { Person } from "../auth/sessions.js";

export interface CaseRow {
  id: string;
  serviceId: string;
  name: string;
  ragRating: RecordedRagRating;
  keyworkerId: string | null;
  /** The child's own linked account (ADR 0012). */
  youngPersonId: string | null;
  /** An ISO date, or null when not recorded: from 16 the young person decides what their parents see (ADR 0026). */
  dateOfBirth: string | null;
}

export interface VisibleCase {
  caseRow: CaseRow;
  /** The person's role on this case's team; null for a service lead who is not on the team. */
  caseRole: Role | null;
  /** Whether the family's consent lets this person's agency see the case's records (true for keyworking staff). */
  sharingConsented: boolean;
}

export async function caseRoleOf(db: Db, personId: string, caseId: string): Promise<Role | null> {
  const rows = await db
    .select({ role: schema.caseMembers.role })
    .from(schema.caseMembers)
    .where(and(eq(schema.caseMembers.caseId, caseId), eq(schema.caseMembers.personId, personId), membershipCounts()))
    .limit(1);
  return rows[0]?.role ?? null;
}

/** This person's role on each of these cases they are on (a membership that counts, as caseRoleOf has it). */
export async function caseRolesOf(db: Db, personId: string, caseIds: readonly string[]): Promise<Map<string, Role>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({ caseId: schema.caseMembers.caseId, role: schema.caseMembers.role })
    .from(schema.caseMembers)
    .where(and(inArray(schema.caseMembers.caseId, [...caseIds]), eq(schema.caseMembers.personId, personId), membershipCounts()));
  return new Map(rows.map((r) => [r.caseId, r.role]));
}

/** The case if this person may see it; refused as not found otherwise, so its existence is not revealed. */
export async function visibleCase(db: Db, person: Person, caseId: string): Promise<AccessAnswer<VisibleCase>> {
  const rows = await db.select().from(schema.cases).where(eq(schema.cases.id, caseId)).limit(1);
  const row = rows[0];
  if (!row || row.serviceId !== person.serviceId) return notFoundRefusal("That case");
  const caseRole = await caseRoleOf(db, person.id, caseId);
  if (caseRole === null && !seesWholeService(person.role)) return notFoundRefusal("That case");
  const sharingConsented = await sharingConsentedFor(db, person, caseRole, caseId);
  return granted({ caseRow: row, caseRole, sharingConsented });
}

export interface DocumentRow {
  id: string;
  caseId: string | null;
  meetingId: string | null;
  kind: DocumentKind;
  title: string;
  visibility: Visibility;
  partOf: string | null;
  /** For a part of another document: the whole's visibility and kind, which bound who may open the part. */
  whole: { visibility: Visibility; kind: DocumentKind } | null;
}

export interface DocumentAccess {
  document: DocumentRow;
  access: AccessLevel;
  /** What the document is about, in words: the case's name, and the meeting's title for minutes. */
  caseName: string | null;
  meetingTitle: string | null;
  /** The person's role on the team of the document's case, when the check read it (undefined when it did not). */
  caseRole?: Role | null;
}

export function accessFor(
  person: Person,
  visible: VisibleCase,
  document: { visibility: Visibility; kind: DocumentKind; whole?: DocumentRow["whole"] },
): AccessLevel {
  return documentAccess({
    whole: document.whole,
    caseRole: visible.caseRole,
    accountRole: person.role,
    visibility: document.visibility,
    kind: document.kind,
    isOwnKeyworker: visible.caseRow.keyworkerId === person.id,
    sharingConsented: visible.sharingConsented,
  });
}

/**
 * What this person may do with a document. Refused as not found when they may not know it
 * exists (not on the case, or a family account asking for a professionals document), as
 * forbidden otherwise; never "none" when granted.
 */
export async function documentAccessFor(db: Db, person: Person, documentId: string): Promise<AccessAnswer<DocumentAccess>> {
  const whole = alias(schema.documents, "whole");
  const rows = await db
    .select({
      id: schema.documents.id,
      caseId: schema.documents.caseId,
      meetingId: schema.documents.meetingId,
      kind: schema.documents.kind,
      title: schema.documents.title,
      visibility: schema.documents.visibility,
      partOf: schema.documents.partOf,
      wholeVisibility: whole.visibility,
      wholeKind: whole.kind,
    })
    .from(schema.documents)
    .leftJoin(whole, eq(whole.id, schema.documents.partOf))
    .where(eq(schema.documents.id, documentId))
    .limit(1);
  const row = rows[0];
  if (!row) return notFoundRefusal("That document");
  const { wholeVisibility, wholeKind, ...own } = row;
  const document: DocumentRow = { ...own, whole: wholeVisibility && wholeKind ? { visibility: wholeVisibility, kind: wholeKind } : null };
  if (document.kind === "cetr" || document.kind === "cetr-summary") {
    const answer = await cetrDocumentAnswer(db, person, document);
    // One made before CETRs were records (ADR 0033) has no CETR: the case's table answers, as before.
    if (answer !== null) return answer;
  }
  // A CETR panel member reads the papers of the CETR they sit on, with the family's consent, and nothing else of the case.
  const asPaper = async (refusal: AccessAnswer<DocumentAccess>, caseName: string | null, meetingTitle: string | null) =>
    !isFamilyRole(person.role) && (await panelMayReadPaper(db, person, document.id)) ? granted({ document, access: "read" as const, caseName, meetingTitle }) : refusal;
  if (document.meetingId) {
    // Minutes follow their meeting: who may see it, and whether they write or read.
    // A tracker meeting's section for one child follows that child's part in the meeting (ADR 0017).
    const found = (await meetingAccessMap(db, person, [document.meetingId])).get(document.meetingId);
    const access = found ? minutesDocumentAccess(found, document.id) : "none";
    if (!found || access === "none") return asPaper(notFoundRefusal("That document"), null, null);
    let caseName: string | null = null;
    if (document.caseId) {
      const [c] = await db.select({ name: schema.cases.name }).from(schema.cases).where(eq(schema.cases.id, document.caseId));
      caseName = c?.name ?? null;
    }
    return granted({ document, access, caseName, meetingTitle: found.meeting.title });
  }
  if (!document.caseId) return notFoundRefusal("That document");
  const visible = await visibleCase(db, person, document.caseId);
  if (!visible.ok) return asPaper(notFoundRefusal("That document"), null, null);
  const access = accessFor(person, visible, document);
  if (access === "none") {
    if (isFamilyRole(person.role)) return notFoundRefusal("That document");
    const paper = await asPaper(notFoundRefusal("That document"), visible.caseRow.name, null);
    if (paper.ok) return paper;
    if (!visible.sharingConsented) {
      return forbiddenRefusal(`${person.agencyName ?? "Your agency"} cannot open this case's records: the family has not agreed to share information with it, or has withdrawn that consent.`);
    }
    return forbiddenRefusal("This document is not shared with you.");
  }
  return granted({ document, access, caseName: visible.caseRow.name, meetingTitle: null, caseRole: visible.caseRole });
}

/** A CETR's report or easy-read summary: who may open it follows the CETR (packages/domain cetr-access.ts), not the case's table. */
async function cetrDocumentAnswer(db: Db, person: Person, document: DocumentRow): Promise<AccessAnswer<DocumentAccess> | null> {
  const cetr = await cetrOfDocument(db, document.id);
  if (!cetr) return null;
  const access = cetrDocumentAccess(await standingToCetr(db, person, cetr), cetr.status);
  if (access === "none") return notFoundRefusal("That document");
  const [c] = await db.select({ name: schema.cases.name }).from(schema.cases).where(eq(schema.cases.id, cetr.caseId));
  return granted({ document, access, caseName: c?.name ?? null, meetingTitle: null });
}
