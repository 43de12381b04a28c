/**
 * The CETR papers pack as access needs it: what the pack holds (the child's current care plan,
 * the previous CETR's report with its action plan, the last three meetings' minutes), whether the
 * family's consent to share the papers with the CETR panel is in force, and whether a panel member
 * may read one of them. Without that consent the panel never opens the papers.
 */
import { schema, type Db } from "@roundtable/db";
import type { CetrPapers } from "@roundtable/domain";
import { and, desc, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import type { Person } from "../auth/sessions.js";
import type { CetrRow } from "./cetr-standing.js";

/** Whether the family's latest decision about sharing the papers with the CETR panel is consent, not withdrawn. */
export async function papersConsented(db: Db, caseId: string): Promise<boolean> {
  const [latest] = await db
    .select({ decision: schema.consents.decision, withdrawnAt: schema.consents.withdrawnAt })
    .from(schema.consents)
    .where(and(eq(schema.consents.caseId, caseId), eq(schema.consents.kind, "share-with-cetr-panel")))
    .orderBy(desc(schema.consents.recordedAt))
    .limit(1);
  return latest?.decision === "given" && latest.withdrawnAt === null;
}

/** The pack's documents, whoever asks: the caller decides whether they may be shown. */
export async function papersOf(db: Db, cetr: Pick<CetrRow, "id" | "caseId" | "requestedAt">): Promise<CetrPapers["items"]> {
  const [plan] = await db
    .select({ id: schema.documents.id, title: schema.documents.title, updatedAt: schema.documents.updatedAt })
    .from(schema.documents)
    .where(and(eq(schema.documents.caseId, cetr.caseId), eq(schema.documents.kind, "care-plan"), isNull(schema.documents.partOf), ne(schema.documents.visibility, "young-person")))
    .orderBy(desc(schema.documents.createdAt))
    .limit(1);
  const [previous] = await db
    .select({ documentId: schema.cetrs.documentId, heldOn: schema.cetrs.heldOn, title: schema.documents.title })
    .from(schema.cetrs)
    .innerJoin(schema.documents, eq(schema.documents.id, schema.cetrs.documentId))
    .where(and(eq(schema.cetrs.caseId, cetr.caseId), lt(schema.cetrs.requestedAt, cetr.requestedAt), inArray(schema.cetrs.status, ["held", "agreed"])))
    .orderBy(desc(schema.cetrs.requestedAt))
    .limit(1);
  // The child's own minutes of their last three meetings (a tracker meeting's part about them, or a one-child meeting's).
  const minutes = await db
    .select({ id: schema.documents.id, title: schema.meetings.title, startsAt: schema.meetings.startsAt })
    .from(schema.documents)
    .innerJoin(schema.meetings, eq(schema.meetings.id, schema.documents.meetingId))
    .where(and(eq(schema.documents.caseId, cetr.caseId), eq(schema.documents.kind, "minutes"), lt(schema.meetings.startsAt, new Date()), ne(schema.meetings.visibility, "professionals")))
    .orderBy(desc(schema.meetings.startsAt))
    .limit(3);
  return [
    ...(plan ? [{ kind: "care-plan" as const, title: plan.title, documentId: plan.id, date: plan.updatedAt.toISOString().slice(0, 10) }] : []),
    ...(previous ? [{ kind: "previous-cetr" as const, title: previous.title, documentId: previous.documentId, date: previous.heldOn }] : []),
    ...minutes.map((m) => ({ kind: "minutes" as const, title: m.title, documentId: m.id, date: m.startsAt.toISOString().slice(0, 10) })),
  ];
}

/**
 * Whether a panel member may read this document as one of the papers of a CETR they sit on: read
 * only, while their place lasts and the consent is in force. Used by documentAccessFor when
 * nothing else lets them open it.
 */
export async function panelMayReadPaper(db: Db, person: Person, documentId: string): Promise<boolean> {
  const places = await db
    .select({ cetr: schema.cetrs })
    .from(schema.cetrPanel)
    .innerJoin(schema.cetrs, eq(schema.cetrs.id, schema.cetrPanel.cetrId))
    .where(and(eq(schema.cetrPanel.personId, person.id), isNull(schema.cetrPanel.endedAt)))
    .limit(20);
  for (const { cetr } of places) {
    if (!(await papersConsented(db, cetr.caseId))) continue;
    if ((await papersOf(db, cetr)).some((p) => p.documentId === documentId)) return true;
  }
  return false;
}
