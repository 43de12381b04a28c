/**
 * A panel place for someone with no Roundtable account yet: the ICB lead gives the place by
 * email, and Roundtable sends an invitation instead — the case invitation machinery
 * (invitations/), with the CETR and the place set. Accepting it (invitation-acceptance.ts)
 * makes their account and gives them the place on that one CETR, not a place on the child's team.
 * The ICB lead may withdraw one still waiting, which frees its place; a CETR that ends withdraws
 * those still waiting, so none is shown waiting for a panel that no longer meets.
 */
import { randomBytes } from "node:crypto";
import { schema, type Db } from "@roundtable/db";
import { cetrPanelOpen, invitationLifetimeDays, invitationStatus, type InvitationStatus, type PanelInvitation, type PanelPlace } from "@roundtable/domain";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit-log.js";
import type { CetrRow } from "../access/cetr-standing.js";
import type { Person } from "../auth/sessions.js";
import { HttpError, notFound } from "../errors.js";
import { hashToken, pendingAt } from "../invitations/invitations.js";

/** The most places a CETR's panel has, counting those invited and not yet accepted. */
export const maxPanelPlaces = 10;

/**
 * Holds the CETR's panel still for the rest of the transaction: giving a place, inviting someone
 * to one and ending the CETR wait for each other, so two people given places at once cannot both
 * take the tenth, and nobody is given a place or invited once the CETR has ended.
 */
async function holdPanel(tx: Db, cetrId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cetr-panel:${cetrId}`}))`);
}

/**
 * Holds the panel still (holdPanel) and answers who holds a place and how many are invited;
 * refuses once the CETR has finished, read after the hold so an end just agreed is seen.
 */
export async function lockPanel(tx: Db, cetrId: string): Promise<{ personIds: string[]; invited: number }> {
  await holdPanel(tx, cetrId);
  const [cetr] = await tx.select({ status: schema.cetrs.status }).from(schema.cetrs).where(eq(schema.cetrs.id, cetrId));
  if (!cetr || !cetrPanelOpen(cetr.status)) throw panelFinished();
  const places = await tx.select({ personId: schema.cetrPanel.personId }).from(schema.cetrPanel).where(eq(schema.cetrPanel.cetrId, cetrId));
  const [invited] = await tx
    .select({ n: count() })
    .from(schema.invitations)
    .where(and(eq(schema.invitations.cetrId, cetrId), pendingAt(new Date())));
  return { personIds: places.map((p) => p.personId), invited: invited?.n ?? 0 };
}

export const panelFinished = () => new HttpError(409, "This CETR is finished: its panel can no longer change.");
export const panelFull = () => new HttpError(409, `A CETR panel has at most ${maxPanelPlaces} places, counting people invited who have not accepted yet.`);

function toPanelInvitation(i: typeof schema.invitations.$inferSelect): PanelInvitation {
  return { id: i.id, email: i.email, name: i.name, place: i.panelPlace!, expiresAt: i.expiresAt.toISOString() };
}

/** The invitations to this CETR's panel not yet accepted, withdrawn or expired, oldest first. */
export async function pendingPanelInvitations(db: Db, cetrId: string): Promise<PanelInvitation[]> {
  const rows = await db
    .select()
    .from(schema.invitations)
    .where(and(eq(schema.invitations.cetrId, cetrId), pendingAt(new Date())))
    .orderBy(asc(schema.invitations.createdAt))
    .limit(maxPanelPlaces);
  return rows.map(toPanelInvitation);
}

export interface SentPanelInvitation {
  invitation: PanelInvitation;
  /** The token for the link; never stored, so this is the only time it is known. */
  token: string;
}

/**
 * Invites someone with no account to a place on this CETR's panel. The caller has checked that
 * the person may convene the panel, that the CETR is not finished and that the address has no
 * account. One invitation waiting per address per CETR; audited on the child's trail.
 */
export async function invitePanelMember(db: Db, person: Person, cetr: CetrRow, invitee: { email: string; name?: string; place: PanelPlace }): Promise<SentPanelInvitation> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const row = await db.transaction(async (tx) => {
    const taken = await lockPanel(tx, cetr.id);
    const [waiting] = await tx
      .select({ id: schema.invitations.id })
      .from(schema.invitations)
      .where(and(eq(schema.invitations.cetrId, cetr.id), eq(schema.invitations.email, invitee.email), pendingAt(now)))
      .limit(1);
    if (waiting) {
      const already = `${invitee.email} has already been invited to a place on this panel, and has not accepted yet`;
      throw new HttpError(409, `${already}.`, { email: already });
    }
    if (taken.personIds.length + taken.invited >= maxPanelPlaces) throw panelFull();
    if (!invitee.name) {
      throw new HttpError(400, "The request body is not valid.", {
        name: "Nobody uses Roundtable with that email address yet. Give their name, and Roundtable will invite them to the place",
      });
    }
    const [made] = await tx
      .insert(schema.invitations)
      .values({
        caseId: cetr.caseId,
        email: invitee.email,
        name: invitee.name,
        // What a panel member's account is: they work with children, from outside the service or
        // within it, and belong to no agency whose consent to share would open the child's records.
        role: "professional",
        agencyId: null,
        cetrId: cetr.id,
        panelPlace: invitee.place,
        tokenHash: hashToken(token),
        invitedBy: person.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + invitationLifetimeDays * 24 * 60 * 60 * 1000),
      })
      .returning();
    await recordAudit(tx, {
      actor: person,
      role: person.role,
      action: "cetr-panel-invited",
      caseId: cetr.caseId,
      documentId: cetr.documentId,
      detail: { cetrId: cetr.id, invitationId: made!.id, email: invitee.email, place: invitee.place },
    });
    return made!;
  });
  return { invitation: toPanelInvitation(row), token };
}

/** Why an invitation no longer waiting cannot be withdrawn, and what that means for its place. */
function notWithdrawable(status: Exclude<InvitationStatus, "pending">, who: string): HttpError {
  const why = {
    accepted: `${who} has already accepted this invitation and has the place on the panel, so it cannot be withdrawn.`,
    withdrawn: `The invitation to ${who} has already been withdrawn, and its place is free. Reload the page to see who is still invited.`,
    expired: `The invitation to ${who} has expired, so it no longer holds a place on the panel. There is nothing to withdraw.`,
  }[status];
  return new HttpError(409, why);
}

/**
 * The ICB lead withdraws an invitation to this CETR's panel that is still waiting: its link stops
 * working and its place is free again. The caller has checked that the person may convene the
 * panel; an invitation to another CETR's panel is not found here. Audited on the child's trail.
 */
export async function withdrawPanelInvitation(db: Db, person: Person, cetr: CetrRow, invitationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const now = new Date();
    const [withdrawn] = await tx
      .update(schema.invitations)
      .set({ withdrawnAt: now, withdrawnBy: person.id })
      .where(and(eq(schema.invitations.id, invitationId), eq(schema.invitations.cetrId, cetr.id), pendingAt(now)))
      .returning();
    if (!withdrawn) {
      const [row] = await tx.select().from(schema.invitations).where(and(eq(schema.invitations.id, invitationId), eq(schema.invitations.cetrId, cetr.id)));
      if (!row) throw notFound("That invitation");
      const status = invitationStatus(row, now);
      // Still waiting yet not withdrawn: it changed between the two reads; saying so is enough.
      if (status === "pending") throw new HttpError(409, "This invitation has just changed. Reload the page and try again.");
      throw notWithdrawable(status, row.name ?? row.email);
    }
    await auditWithdrawn(tx, person, cetr, withdrawn, false);
  });
}

/**
 * Ending a CETR (its report agreed, or the CETR withdrawn) withdraws the invitations to its panel
 * still waiting, in the transaction that ends it, as done by the person ending it. Called before
 * the CETR's row changes: accepting an invitation claims it and then reads the CETR, so taking
 * them in the same order lets neither wait on the other for ever.
 */
export async function endPanelInvitations(tx: Db, person: Person, cetr: CetrRow, now: Date): Promise<void> {
  await holdPanel(tx, cetr.id);
  const withdrawn = await tx
    .update(schema.invitations)
    .set({ withdrawnAt: now, withdrawnBy: person.id })
    .where(and(eq(schema.invitations.cetrId, cetr.id), pendingAt(now)))
    .returning();
  for (const invitation of withdrawn) await auditWithdrawn(tx, person, cetr, invitation, true);
}

async function auditWithdrawn(tx: Db, person: Person, cetr: CetrRow, invitation: typeof schema.invitations.$inferSelect, cetrEnded: boolean): Promise<void> {
  await recordAudit(tx, {
    actor: person,
    role: person.role,
    action: "cetr-panel-invitation-withdrawn",
    caseId: cetr.caseId,
    documentId: cetr.documentId,
    detail: { cetrId: cetr.id, invitationId: invitation.id, email: invitation.email, place: invitation.panelPlace, cetrEnded },
  });
}
