/**
 * Inviting people in: a keyworker invites someone by email address and role; the link lets them
 * set a password (or use the one they have) and lands them on the case. Invitations expire and
 * can be withdrawn. Everyone has their own account: there are no shared or guest accounts.
 */
import { z } from "zod";
import { optionalTextField, textField } from "./text.js";
import type { Me } from "./api.js";
import type { PanelPlace } from "./cetr/cetr.js";
import { invitableRoles } from "./permissions.js";
import type { Role } from "./roles.js";

/** How long an invitation link works. */
export const invitationLifetimeDays = 14;

/** The shortest and longest password someone may set when they accept an invitation. */
export const newPasswordMinLength = 12;
export const newPasswordMaxLength = 200;

/** A password someone chooses for themselves (accepting an invitation, or after forgetting theirs). */
export const newPasswordSchema = textField({ error: "Enter a password" })
  .min(1, "Enter a password")
  .min(newPasswordMinLength, `Your password must be at least ${newPasswordMinLength} characters long`)
  .max(newPasswordMaxLength, `Your password must be ${newPasswordMaxLength} characters or fewer`);

export type InvitableRole = (typeof invitableRoles)[number];

/** What someone is invited as, in a sentence: "…has invited you to join Jamie's team, as a parent or carer." */
export const invitedAs: Record<InvitableRole, string> = {
  parent: "a parent or carer",
  "young-person": "the young person",
  professional: "a professional",
  "icb-lead": "an ICB lead",
};

/** People from other agencies say which one: it decides whose consent to share lets them see records. */
export function invitedRoleHasAgency(role: Role): boolean {
  return role === "professional" || role === "icb-lead";
}

/** The email address someone is invited at, kept in lower case: one address, however it was typed. */
export const invitedEmailSchema = textField({ error: "Enter their email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter their email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter an email address in the right format, like name@example.org"));

/** The name of someone invited, if the person inviting gives one; they choose their own when they accept. */
export const invitedNameSchema = optionalTextField(200, "Keep their name under 200 characters");

export const createInvitationBodySchema = z
  .object({
    email: invitedEmailSchema,
    role: z.enum(invitableRoles, { error: "Choose what they will be on the team" }),
    name: invitedNameSchema,
    agencyId: z.uuid("Choose the agency they work for").optional(),
    /**
     * Inviting the young person links the account they accept with as the child's own (ADR
     * 0012): how they agreed to that, in the keyworker's words. Needed for that role only.
     */
    youngPersonAgreement: optionalTextField(1000, "Keep this under 1,000 characters"),
  })
  .superRefine((body, ctx) => {
    if (invitedRoleHasAgency(body.role) && body.agencyId === undefined) {
      ctx.addIssue({ code: "custom", path: ["agencyId"], message: "Choose the agency they work for" });
    }
    if (body.role === "young-person" && body.youngPersonAgreement === undefined) {
      ctx.addIssue({ code: "custom", path: ["youngPersonAgreement"], message: "Say how the young person agreed to have their own account" });
    }
  })
  // The family belong to no agency: an agency left chosen from an earlier choice of role is
  // dropped; so is an agreement typed before the role was changed from young person.
  .transform((body) => ({
    ...body,
    agencyId: invitedRoleHasAgency(body.role) ? body.agencyId : undefined,
    youngPersonAgreement: body.role === "young-person" ? body.youngPersonAgreement : undefined,
  }));
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;
/** What the client sends (before the server tidies it). */
export type CreateInvitationRequest = z.input<typeof createInvitationBodySchema>;

/** Accepting as someone new: their name and a password of their own. */
export const acceptAsNewAccountBodySchema = z.object({
  name: textField({ error: "Enter your name" })
    .trim()
    .min(1, "Enter your name")
    .max(200, "Keep your name under 200 characters"),
  password: newPasswordSchema,
});
export type AcceptAsNewAccountBody = z.infer<typeof acceptAsNewAccountBodySchema>;

/**
 * Accepting with an account that already has this email address: the same as signing in — its
 * password, and the code from their authenticator app when two-step sign-in is on.
 */
export const acceptAsExistingAccountBodySchema = z.object({
  password: textField({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(newPasswordMaxLength, "That password is too long"),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app")
    .optional(),
});
export type AcceptAsExistingAccountBody = z.infer<typeof acceptAsExistingAccountBodySchema>;

export type AcceptInvitationBody = AcceptAsNewAccountBody | AcceptAsExistingAccountBody;

export const invitationStatuses = ["pending", "accepted", "expired", "withdrawn"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export const invitationStatusLabels: Record<InvitationStatus, string> = {
  pending: "Waiting",
  accepted: "Accepted",
  expired: "Expired",
  withdrawn: "Withdrawn",
};

/** Where an invitation stands: accepted and withdrawn are for good; otherwise its date decides. */
export function invitationStatus(
  invitation: { acceptedAt: Date | string | null; withdrawnAt: Date | string | null; expiresAt: Date | string },
  now: Date,
): InvitationStatus {
  if (invitation.acceptedAt !== null) return "accepted";
  if (invitation.withdrawnAt !== null) return "withdrawn";
  return new Date(invitation.expiresAt).getTime() > now.getTime() ? "pending" : "expired";
}

/** An invitation as the case's keyworkers see it. */
export interface Invitation {
  id: string;
  caseId: string;
  email: string;
  /** The name the keyworker gave, if any; the person chooses their own when they accept. */
  name: string | null;
  role: InvitableRole;
  agency: { id: string; name: string } | null;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
  invitedBy: { id: string; name: string };
  acceptedAt: string | null;
  withdrawnAt: string | null;
}

/** The answer to sending an invitation. */
export interface CreatedInvitation extends Invitation {
  /**
   * The link itself, shown once to the keyworker who sent it: where email is not configured (or
   * does not arrive) they can pass it on another way. Only its hash is stored, so it cannot be
   * shown again later.
   */
  link: string;
  /** Whether Roundtable sent it by email (only when an email server is configured). */
  emailed: boolean;
}

/** What the link says to the person invited, before they sign in: no more than they need. */
export interface InvitationDescription {
  /** The child's first name only. */
  caseFirstName: string;
  role: InvitableRole;
  /**
   * Set when the invitation is to a place on one CETR's panel (independent chair, clinical
   * expert, expert by experience), not to the child's team: the place ends when the report is agreed.
   */
  panelPlace: PanelPlace | null;
  agency: string | null;
  invitedBy: string;
  email: string;
  /** The name the keyworker gave, to start the form with. */
  name: string | null;
  expiresAt: string;
  /** True when this email address already has an account: then they accept with its password. */
  accountExists: boolean;
}

/** After accepting: where to land (the case, or for a panel place the CETR), and who is now signed in. */
export interface InvitationAccepted {
  caseId: string;
  /** Set for a place on a CETR's panel: its page is where they go, not the case's (which they cannot open). */
  cetrId: string | null;
  me: Me;
}

/** The child's first name, for emails and the invitation page (not their full name). */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? fullName;
}
