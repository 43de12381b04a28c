/**
 * Whether a child has agreed to a keyworker, read from the consent records. Two records decide
 * it: consent to be allocated a keyworker, and consent for the keyworker to work with the family
 * and professionals. A child may refuse a keyworker of their own yet agree to the second, so the
 * answer is one of four states, said in words — never a bare yes or no.
 */
import { currentConsents, isConsentInForce, type ConsentRecord } from "../consent.js";

export const keyworkerConsentStates = ["agreed", "works-with-family-only", "declined", "not-asked"] as const;
export type KeyworkerConsentState = (typeof keyworkerConsentStates)[number];

type ConsentFacts = Pick<ConsentRecord, "kind" | "agency" | "recordedAt" | "decision" | "withdrawn">;

/**
 * The state the latest records put the child in. Consent withdrawn counts as declined from then
 * on; with no record about a keyworker of their own, nobody has asked yet.
 */
export function keyworkerConsentState(records: readonly ConsentFacts[]): KeyworkerConsentState {
  const current = currentConsents(records);
  const keyworker = current.find((r) => r.kind === "keyworker");
  if (!keyworker) return "not-asked";
  if (isConsentInForce(keyworker)) return "agreed";
  const worksWithFamily = current.find((r) => r.kind === "keyworker-works-with-family");
  return isConsentInForce(worksWithFamily) ? "works-with-family-only" : "declined";
}

/** The state in words: a short label, and what it means for the child's keyworker. */
export function keyworkerConsentWords(state: KeyworkerConsentState, childFirstName: string): { label: string; meaning: string } {
  switch (state) {
    case "agreed":
      return { label: "Agreed to a keyworker", meaning: `${childFirstName}'s keyworker works with ${childFirstName}, the family and the professionals.` };
    case "works-with-family-only":
      return {
        label: "Declined a keyworker, but agreed to the keyworker working with the family and professionals",
        meaning: `${childFirstName} does not want a keyworker of their own. The keyworker works with the family and the professionals around ${childFirstName}.`,
      };
    case "declined":
      return {
        label: "Declined a keyworker",
        meaning: `${childFirstName} has not agreed to a keyworker, or to a keyworker working with the family and professionals. Record it on the consent page if that changes.`,
      };
    case "not-asked":
      return { label: "Not asked yet", meaning: `Nobody has recorded whether ${childFirstName} wants a keyworker. Ask, then record the answer on the consent page.` };
  }
}
