/**
 * The invitation link's side: what a link says to the person invited, and accepting it —
 * creating their account or signing in as the one they have, joining the team and, for the
 * young person, linking their account as the child's own (ADR 0012). An invitation to a place on
 * a CETR's panel gives that place instead, on that one CETR, and no place on the team. Audited.
 */
import { schema, type Db } from "@roundtable/db";
import { cetrPanelOpen, firstNameOf, invitationStatus, invitedRoleHasAgency, mayHoldPanelPlace, type InvitationDescription } from "@roundtable/domain";
import { and, eq } from "drizzle-orm";
import type { AccessChangeDeps } from "../access/access-announcer.js";
import { recordAudit } from "../audit/audit-log.js";
import { HttpError } from "../errors.js";
import { accountByEmail, accountMisfit, hashToken, invitationEnded, invitationNotValid, inviter, pendingAt } from "./invitations.js";
import { hashPassword } from "../auth/passwords.js";
import { linkedElsewhere, setLink, type YoungPersonLinkChange } from "../team/young-person-link.js";

/** The invitation a link's token names, if it can still be used: 404 when there is none, 410 when it has ended. */
async function pendingInvitation(db: Db, token: string) {
  if (token.length === 0 || token.length > 100) throw invitationNotValid();
  const [row] = await db
    .select({
      invitation: schema.invitations,
      caseName: schema.cases.name,
      serviceId: schema.cases.serviceId,
      inviterName: inviter.name,
      agencyName: schema.agencies.name,
      cetrStatus: schema.cetrs.status,
    })
    .from(schema.invitations)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.invitations.caseId))
    .innerJoin(inviter, eq(inviter.id, schema.invitations.invitedBy))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.invitations.agencyId))
    .leftJoin(schema.cetrs, eq(schema.cetrs.id, schema.invitations.cetrId))
    .where(eq(schema.invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) throw invitationNotValid();
  const status = invitationStatus(row.invitation, new Date());
  // Ending a CETR withdraws the invitations to its panel still waiting: the link says why, not just "withdrawn".
  if (status !== "accepted" && row.cetrStatus && !cetrPanelOpen(row.cetrStatus)) throw panelPlaceEnded();
  if (status !== "pending") throw invitationEnded();
  return { ...row, role: row.invitation.role };
}

/** The CETR a panel invitation was for has finished (its report agreed, or withdrawn) since it was sent. */
const panelPlaceEnded = () =>
  new HttpError(
    409,
    "This invitation was to a place on the panel of a CETR that has now finished: its report has been agreed, or the CETR was withdrawn. Panel places end then, so there is nothing to accept. Nothing has been set up for you.",
  );

/** What the link says to the person invited, before they have signed in. */
export async function describeInvitation(db: Db, token: string): Promise<InvitationDescription> {
  const { invitation, caseName, inviterName, agencyName, role } = await pendingInvitation(db, token);
  return {
    caseFirstName: firstNameOf(caseName),
    role,
    panelPlace: invitation.panelPlace,
    agency: agencyName,
    invitedBy: inviterName,
    email: invitation.email,
    name: invitation.name,
    expiresAt: invitation.expiresAt.toISOString(),
    accountExists: (await accountByEmail(db, invitation.email)) !== null,
  };
}

/** How to read the body of an acceptance: with a name and new password, or as an existing account. */
export interface AcceptanceRules {
  parseNew(body: unknown): { name: string; password: string };
  /**
   * Proves the person is the existing account with this email address, exactly as signing in
   * does (limits, password, two-step code); throws when they are not.
   */
  signInAs(email: string, body: unknown): Promise<void>;
}

export interface Acceptance {
  caseId: string;
  /** Set when the invitation was to a place on this CETR's panel. */
  cetrId: string | null;
  personId: string;
  accountCreated: boolean;
  /** Set when accepting linked the account as the child's own: the people to tell are told by the caller. */
  linked: YoungPersonLinkChange | null;
}

/**
 * Accept an invitation: create the account or sign in as the existing one, put them on
 * the team, and mark the invitation used. A double submit cannot accept twice or make two
 * accounts: the invitation is claimed by a conditional update inside the transaction, and a
 * second claim finds nothing left to claim. Joining changes who may see the case: announced.
 */
export async function acceptInvitation({ db, access }: AccessChangeDeps, token: string, body: unknown, rules: AcceptanceRules): Promise<Acceptance> {
  const found = await pendingInvitation(db, token);
  const { invitation, serviceId } = found;
  const account = await accountByEmail(db, invitation.email);
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (account) {
    // A panel place is on one CETR only, wherever the person works (as when the ICB lead gives it
    // to someone with an account), but not for a family account.
    const misfit = invitation.cetrId ? panelMisfit(account) : accountMisfit(account, serviceId, found.role);
    if (misfit) throw misfit;
    if (found.role === "young-person") {
      const elsewhere = await linkedElsewhere(db, account.id, invitation.caseId);
      if (elsewhere) throw elsewhere;
    }
    await rules.signInAs(invitation.email.toLowerCase(), body);
  } else {
    const { name, password } = rules.parseNew(body);
    // Hashed before the transaction, so no lock is held while argon2 works.
    newAccount = { name, passwordHash: await hashPassword(password) };
  }

  const accepted = await db.transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx
      .update(schema.invitations)
      .set({ acceptedAt: now })
      .where(and(eq(schema.invitations.id, invitation.id), pendingAt(now)))
      .returning({ id: schema.invitations.id });
    if (claimed.length === 0) throw invitationEnded();
    let person: { id: string; name: string };
    if (newAccount) {
      const inserted = await tx
        .insert(schema.people)
        .values({
          serviceId,
          agencyId: invitedRoleHasAgency(found.role) ? invitation.agencyId : null,
          name: newAccount.name,
          email: invitation.email,
          role: found.role,
          jobTitle: null,
          passwordHash: newAccount.passwordHash,
        })
        // An account made for this email address since the page was opened: start again with it.
        .onConflictDoNothing()
        .returning({ id: schema.people.id, name: schema.people.name });
      if (inserted.length === 0) {
        throw new HttpError(409, "An account with this email address has just been set up. Reload this page and accept with its password.");
      }
      person = inserted[0]!;
    } else {
      person = { id: account!.id, name: account!.name };
    }
    await tx.update(schema.invitations).set({ acceptedBy: person.id }).where(eq(schema.invitations.id, invitation.id));
    if (invitation.cetrId && invitation.panelPlace) {
      await takePanelPlace(tx, { ...invitation, cetrId: invitation.cetrId, panelPlace: invitation.panelPlace }, person, newAccount !== null);
      return { caseId: invitation.caseId, cetrId: invitation.cetrId, personId: person.id, accountCreated: newAccount !== null, linked: null };
    }
    await tx.insert(schema.caseMembers).values({ caseId: invitation.caseId, personId: person.id, role: found.role }).onConflictDoNothing();
    let linked: YoungPersonLinkChange | null = null;
    if (found.role === "young-person") {
      // The keyworker's invitation links the account, if the child has none linked meanwhile and
      // the inviter is still their own keyworker; otherwise nothing of this acceptance stands.
      const by = { id: invitation.invitedBy, name: found.inviterName };
      const agreement = invitation.youngPersonAgreement ?? "";
      const link = { caseId: invitation.caseId, personId: person.id, agreement, by, role: "keyworker" as const, invitationId: invitation.id, keyworkerId: invitation.invitedBy };
      if (!(await setLink(tx, link, person.name))) {
        throw new HttpError(409, "This invitation can no longer be used: the young person's account on this case has changed since it was sent. Ask your keyworker for a new one.");
      }
      linked = { kind: "linked", caseId: invitation.caseId, caseName: found.caseName, serviceId, keyworkerId: invitation.invitedBy, youngPersonName: person.name, by, agreement };
    }
    await recordAudit(tx, {
      actor: person,
      role: found.role,
      action: "joined",
      caseId: invitation.caseId,
      detail: { invitationId: invitation.id, role: found.role, invitedBy: invitation.invitedBy, newAccount: newAccount !== null },
    });
    return { caseId: invitation.caseId, cetrId: null, personId: person.id, accountCreated: newAccount !== null, linked };
  });
  // A panel place opens one CETR to its new holder and takes nothing from anyone: no open connection need follow.
  if (!accepted.cetrId) await access.caseAccessChanged(accepted.caseId);
  return accepted;
}

function panelMisfit(account: { name: string; role: Parameters<typeof mayHoldPanelPlace>[0] }): HttpError | null {
  if (mayHoldPanelPlace(account.role)) return null;
  return new HttpError(
    409,
    "That email address belongs to a family's account, and a place on a CETR panel is for the independent chair, clinical expert or expert by experience. Ask the person who invited you to use another email address.",
  );
}

type PanelInvitationRow = typeof schema.invitations.$inferSelect & { cetrId: string; panelPlace: NonNullable<(typeof schema.invitations.$inferSelect)["panelPlace"]> };

/**
 * Gives the place the invitation was for, on its CETR, unless the CETR has finished since (read
 * under a lock on its row, so agreeing the report either comes first and is seen, or comes after
 * and ends this place with the rest of the panel's).
 */
async function takePanelPlace(tx: Db, invitation: PanelInvitationRow, person: { id: string; name: string }, newAccount: boolean): Promise<void> {
  const [cetr] = await tx
    .select({ status: schema.cetrs.status, documentId: schema.cetrs.documentId })
    .from(schema.cetrs)
    .where(eq(schema.cetrs.id, invitation.cetrId))
    .for("update");
  if (!cetr || !cetrPanelOpen(cetr.status)) throw panelPlaceEnded();
  await tx
    .insert(schema.cetrPanel)
    .values({ cetrId: invitation.cetrId, personId: person.id, place: invitation.panelPlace, addedBy: invitation.invitedBy })
    .onConflictDoUpdate({ target: [schema.cetrPanel.cetrId, schema.cetrPanel.personId], set: { place: invitation.panelPlace, endedAt: null } });
  await recordAudit(tx, {
    actor: person,
    role: invitation.role,
    action: "cetr-panel-joined",
    caseId: invitation.caseId,
    documentId: cetr.documentId,
    detail: { cetrId: invitation.cetrId, invitationId: invitation.id, place: invitation.panelPlace, invitedBy: invitation.invitedBy, newAccount },
  });
}
