/**
 * A consent record said in plain words: "Given by Claire Walker (Jamie's mum) on 3 November
 * 2026, recorded by Priya Shah", and what it means for who can open the child's records.
 */
import { isConsentInForce, type ConsentRecord } from "@roundtable/domain";
import { formatUkDate } from "../layout/uk-time";

export type ConsentStatus = "given" | "declined" | "withdrawn" | "not-recorded";

export const consentStatusLabels: Record<ConsentStatus, string> = {
  given: "Given",
  declined: "Declined",
  withdrawn: "Withdrawn",
  "not-recorded": "Not recorded",
};

/** NHS.UK tag colours: green for consent in force, red for declined or withdrawn. */
export const consentStatusTags: Record<ConsentStatus, string> = {
  given: "nhsuk-tag--green",
  declined: "nhsuk-tag--red",
  withdrawn: "nhsuk-tag--orange",
  "not-recorded": "nhsuk-tag--grey",
};

export function consentStatus(record: ConsentRecord | null): ConsentStatus {
  if (!record) return "not-recorded";
  if (isConsentInForce(record)) return "given";
  return record.withdrawn ? "withdrawn" : "declined";
}

export function describeConsent(record: ConsentRecord | null): string {
  if (!record) return "Nobody has recorded a decision yet.";
  const decided = `${record.decision === "given" ? "Given" : "Declined"} by ${record.givenBy} on ${formatUkDate(record.recordedAt)}, recorded by ${record.recordedBy.name}`;
  if (!record.withdrawn) return `${decided}.`;
  const by = record.withdrawn.by ? `, recorded by ${record.withdrawn.by.name}` : "";
  return `Withdrawn on ${formatUkDate(record.withdrawn.at)}${by}. It was given by ${record.givenBy} on ${formatUkDate(record.recordedAt)}.`;
}

/** For sharing consent: whether people from the agency can open the child's records because of it. */
export function sharingEffect(record: ConsentRecord | null, agencyName: string, childPossessive: string): string {
  return isConsentInForce(record ?? undefined)
    ? `People from ${agencyName} on the team can open ${childPossessive} records.`
    : `People from ${agencyName} cannot open ${childPossessive} records.`;
}

/** What withdrawing this consent will do, said before it is done. */
export function withdrawalEffect(record: Pick<ConsentRecord, "kind" | "agency">, childPossessive: string): string {
  if (record.kind === "share-with-agency") {
    return `People from ${record.agency?.name ?? "this agency"} will lose access to ${childPossessive} records straight away.`;
  }
  if (record.kind === "share-with-parents") {
    return `From 16, their parents or carers on the team will lose access to ${childPossessive} records straight away.`;
  }
  return `This is kept on ${childPossessive} record. It does not change who can open ${childPossessive} records.`;
}
