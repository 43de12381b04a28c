/**
 * A referral to the Dynamic Support Register: a professional refers a child, or a keyworker
 * records a family's own referral (a short form: who, why now, risk, consent to be on the
 * register). It waits in the triage queue until a senior keyworker or the service lead accepts
 * it (the child becomes a case, with a first RAG rating) or does not (with the reason, told to
 * the referrer in general words).
 */
import { z } from "zod";
import { isoDateSchema } from "../actions/action-api.js";
import { isKeyworkingStaff } from "../permissions.js";
import { isFamilyRole, type Role } from "../roles.js";
import { textField } from "../text.js";
import { ragReasonMaxLength } from "./rag-change.js";

export const referralSources = ["professional", "self"] as const;
export type ReferralSource = (typeof referralSources)[number];

export const registerConsentAnswers = ["given", "refused", "not-asked"] as const;
export type RegisterConsentAnswer = (typeof registerConsentAnswers)[number];

export const referralStatuses = ["waiting", "accepted", "declined"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const childNameMaxLength = 200;
export const referralTextMaxLength = 4000;
export const declineReasonMaxLength = 2000;
/** What an accepting senior keyworker may add to "Accepted onto the register", within a rating's reason. */
export const acceptNoteMaxLength = ragReasonMaxLength - 100;

/** The first rating's reason when a referral is accepted, with the triager's note when they wrote one. */
export function acceptedRatingReason(note: string | undefined): string {
  return note ? `Accepted onto the register: ${note}` : "Accepted onto the register";
}

const requiredText = (missing: string, max: number, tooLong: string) =>
  textField({ error: missing }).trim().min(1, missing).max(max, tooLong);

export const referralBodySchema = z.object({
  childName: requiredText("Give the child's name", childNameMaxLength, `Keep the name under ${childNameMaxLength} characters`),
  dateOfBirth: isoDateSchema.optional(),
  /** "self" is a family's own referral, recorded by someone in the keyworking service. */
  source: z.enum(referralSources, "Say whose referral this is").default("professional"),
  whyNow: requiredText("Say why you are referring now", referralTextMaxLength, `Keep this under ${referralTextMaxLength.toLocaleString("en-GB")} characters`),
  risk: requiredText("Describe the risk", referralTextMaxLength, `Keep this under ${referralTextMaxLength.toLocaleString("en-GB")} characters`),
  registerConsent: z.enum(registerConsentAnswers, "Say whether the family agreed to the child being on the register"),
});
export type ReferralBody = z.input<typeof referralBodySchema>;
/** A referral's fields as checked: the source filled in. */
export type ReferralFields = z.output<typeof referralBodySchema>;

const acceptSchema = z.object({
  rating: textField({ error: "Choose a first rating" }).trim().min(1, "Choose a first rating").max(40, "That rating name is too long"),
  keyworkerId: z.uuid("Choose a keyworker from the list").optional(),
  reason: textField().trim().max(acceptNoteMaxLength, `Keep this under ${acceptNoteMaxLength.toLocaleString("en-GB")} characters`).optional(),
});

const declineSchema = z.object({
  reason: requiredText("Say why the child is not being accepted", declineReasonMaxLength, `Keep the reason under ${declineReasonMaxLength.toLocaleString("en-GB")} characters`),
});

/** Accept (with a first rating from the service's levels, and a keyworker if one is free) or decline (with a reason): one of the two. */
export const referralDecisionBodySchema = z
  .object({ accept: acceptSchema.optional(), decline: declineSchema.optional() })
  .strict()
  .refine((b) => (b.accept === undefined) !== (b.decline === undefined), { message: "Choose to accept the referral or not", path: ["decision"] });
export type ReferralDecisionBody = z.input<typeof referralDecisionBodySchema>;
export type ReferralDecision = z.output<typeof referralDecisionBodySchema>;

/** GET /api/referrals: by status, and `mine` for someone who triages but wants their own referrals. */
export const referralListQuerySchema = z
  .object({
    status: z.enum(referralStatuses, "status must be waiting, accepted or declined").optional(),
    mine: z.enum(["true", "false"], "mine must be true or false").optional(),
  })
  .strict();
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;

export interface Referral {
  id: string;
  childName: string;
  dateOfBirth: string | null;
  source: ReferralSource;
  /** Who made it (for a family's own referral, who recorded it); null once their account is gone. */
  referredBy: { id: string; name: string; agency: string | null } | null;
  whyNow: string;
  risk: string;
  registerConsent: RegisterConsentAnswer;
  status: ReferralStatus;
  createdAt: string;
  decided: { by: { id: string; name: string } | null; at: string } | null;
  /** Why it was not accepted: shown to the referrer in the app, never in an email. */
  declineReason: string | null;
  /** The child's case, once accepted. */
  caseId: string | null;
}

/** Any professional or keyworking staff may refer a child; families are referred, administrators run accounts. */
export function mayRefer(role: Role): boolean {
  return !isFamilyRole(role) && role !== "admin";
}

/** Whose referral someone may record: their own, and for the keyworking service a family's own referral too. */
export function referralSourcesFor(role: Role): readonly ReferralSource[] {
  if (!mayRefer(role)) return [];
  return isKeyworkingStaff(role) ? referralSources : ["professional"];
}

/** Who triages referrals, accepting children onto the register or not: senior keyworkers and the service lead. */
export const triageRoles: readonly Role[] = ["senior-keyworker", "service-lead"];

export function mayTriage(role: Role): boolean {
  return triageRoles.includes(role);
}

/**
 * Who allocates a child's keyworker, second keyworker and cover: those who triage. A senior
 * keyworker does it for the children whose case they can see (on its team); the service lead for
 * the whole service.
 */
export function mayAllocate(role: Role): boolean {
  return mayTriage(role);
}

/** What a referrer is told of their referral, in the app: general words first, the reason when it was not accepted. */
export function referralOutcome(referral: Pick<Referral, "status" | "declineReason">): string {
  switch (referral.status) {
    case "waiting":
      return "Waiting to be looked at";
    case "accepted":
      return "Accepted onto the register";
    case "declined":
      return referral.declineReason ? `Not accepted: ${referral.declineReason}` : "Not accepted";
  }
}

/** The one thing the referral form checks against today: nobody is born tomorrow. */
export function dateOfBirthProblem(dateOfBirth: string | undefined, today: string): string | null {
  if (!dateOfBirth) return null;
  return dateOfBirth > today ? "The date of birth must be today or in the past" : null;
}
