/**
 * The invitation link's side: what a link says to the person invited, and accepting it —
 * creating their account or signing in as the one they have, joining the team and, for the
 * young person, linking their account as the child's own (ADR 0012). Audited.
 */
import { schema, type Db } from "@roundtable/db";
import { firstNameOf, invitationStatus, invitedRoleHasAgency, type InvitationDescription } from "@roundtable/domain";
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
    .select({ invitation: schema.invitations, caseName: schema.cases.name, serviceId: schema.cases.serviceId, inviterName: inviter.name, agencyName: schema.agencies.name })
    .from(schema.invitations)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.invitations.caseId))
    .innerJoin(inviter, eq(inviter.id, schema.invitations.invitedBy))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.invitations.agencyId))
    .where(eq(schema.invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) throw invitationNotValid();
  if (invitationStatus(row.invitation, new Date()) !== "pending") throw invitationEnded();
  return { ...row, role: row.invitation.role };
}

/** What the link says to the person invited, before they have signed in. */
export async function describeInvitation(db: Db, token: string): Promise<InvitationDescription> {
  const { invitation, caseName, inviterName, agencyName, role } = await pendingInvitation(db, token);
  return {
    caseFirstName: firstNameOf(caseName),
    role,
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
    const misfit = accountMisfit(account, serviceId, found.role);
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
    return { caseId: invitation.caseId, personId: person.id, accountCreated: newAccount !== null, linked };
  });
  await access.caseAccessChanged(accepted.caseId);
  return accepted;
}
