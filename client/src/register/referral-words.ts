/**
 * How the referral pages say things: who referred, the family's consent, the outcome. Plain
 * words, one place, tested.
 */
import type { Referral, RegisterConsentAnswer } from "@roundtable/domain";
import { formatUkDate } from "../layout/uk-time";

export const registerConsentChoices: { value: RegisterConsentAnswer; label: string }[] = [
  { value: "given", label: "Yes, they agreed" },
  { value: "refused", label: "No, they did not agree" },
  { value: "not-asked", label: "Not asked yet" },
];

/** The family's answer on the referral, as the triager reads it. */
export function registerConsentWords(answer: RegisterConsentAnswer): string {
  switch (answer) {
    case "given":
      return "The family agreed to the child being on the register";
    case "refused":
      return "The family did not agree to the child being on the register";
    case "not-asked":
      return "The family has not been asked yet";
  }
}

/** "Dr Ben Carter, Northbridge CAMHS", or for a family's own referral, who wrote it down. */
export function referredByWords(referral: Pick<Referral, "source" | "referredBy">): string {
  const by = referral.referredBy;
  if (referral.source === "self") return by ? `The family's own referral, recorded by ${by.name}` : "The family's own referral";
  if (!by) return "Someone whose account has since closed";
  return by.agency ? `${by.name}, ${by.agency}` : by.name;
}

/** "21 September 2012 (13 years old)" on the day given; or "Not given". */
export function dateOfBirthWords(dateOfBirth: string | null, today: string): string {
  if (!dateOfBirth) return "Not given";
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  return `${formatUkDate(`${dateOfBirth}T12:00:00Z`)} (${age === 1 ? "1 year" : `${age} years`} old)`;
}

/** The outcome's short tag and the words beside it, for the referrer's list. */
export function outcomeOf(referral: Pick<Referral, "status" | "declineReason" | "decided">): { tag: string; tagClass: string; detail: string | null } {
  const on = referral.decided ? ` on ${formatUkDate(referral.decided.at)}` : "";
  switch (referral.status) {
    case "waiting":
      return { tag: "Waiting", tagClass: "nhsuk-tag--grey", detail: "Not looked at yet." };
    case "accepted":
      return { tag: "Accepted", tagClass: "nhsuk-tag--green", detail: `Accepted onto the register${on}.` };
    case "declined":
      return { tag: "Not accepted", tagClass: "nhsuk-tag--orange", detail: referral.declineReason ? `Looked at${on}. The reason: ${referral.declineReason}` : `Looked at${on}.` };
  }
}
