/**
 * CETR follow-up meetings (issue 13): a meeting of the existing kind, booked for one child, that
 * follows up one of that child's CETRs and goes through its actions one by one (what it carries
 * is cetrFollowUpActionsToCarry, applied in actions/carried-actions.ts). Here: which CETR a
 * follow-up may follow up, and how the meeting names it to a reader.
 */
import { schema, type Db } from "@roundtable/db";
import { cetrDocumentAccess, type Meeting } from "@roundtable/domain";
import { eq } from "drizzle-orm";
import { standingToCetr, type CetrRow } from "../access/cetr-standing.js";
import type { Person } from "../auth/sessions.js";
import { HttpError } from "../errors.js";
import { openCetr } from "./cetrs.js";

/**
 * The CETR a follow-up booked for this child may follow up: one the booker may open (any other is
 * not found), of this child, held or agreed — there is nothing to follow up before it is held.
 */
export async function cetrToFollowUp(db: Db, person: Person, cetrId: string, caseId: string): Promise<CetrRow> {
  const { cetr } = await openCetr(db, person, cetrId);
  if (cetr.caseId !== caseId) throw new HttpError(400, "The request body is not valid.", { cetrId: "Choose a CETR of the child this meeting is about" });
  if (cetr.status !== "held" && cetr.status !== "agreed") {
    throw new HttpError(400, "The request body is not valid.", { cetrId: "Choose a CETR that has been held: there is nothing to follow up before then" });
  }
  return cetr;
}

/** The CETR a follow-up meeting follows up, as this reader may know it: named only to those who may open it. */
export async function followedUpCetr(db: Db, reader: Person, cetrId: string | null): Promise<Meeting["followsUpCetr"]> {
  if (!cetrId) return null;
  const [cetr] = await db.select().from(schema.cetrs).where(eq(schema.cetrs.id, cetrId));
  if (!cetr || cetrDocumentAccess(await standingToCetr(db, reader, cetr), cetr.status) === "none") return null;
  return { id: cetr.id, heldOn: cetr.heldOn, requestedAt: cetr.requestedAt.toISOString() };
}
