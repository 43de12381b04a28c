/** A consent decision's state as an NHS.UK tag: Given, Declined, Withdrawn or Not recorded. */
import type { ConsentRecord } from "@roundtable/domain";
import { consentStatus, consentStatusLabels, consentStatusTags } from "./consent-words";

export function ConsentTag({ record }: { record: ConsentRecord | null }) {
  const status = consentStatus(record);
  return <strong className={`nhsuk-tag ${consentStatusTags[status]}`}>{consentStatusLabels[status]}</strong>;
}
