/**
 * The young person's own decision about what their parents or carers see (ADR 0026), in words
 * for whoever reads it: the young person about themselves, or the people who run their case.
 */
import type { CaseDetail } from "@roundtable/domain";
import { firstName } from "../team/child-name";
import { parentsSharingForStaff, parentsSharingForYoungPerson } from "./parents-sharing-words";

/** The young person's own decision about their parents, in words for whoever reads it (ADR 0026). */
export function ParentsSharingPanel({ details, youngPerson }: { details: CaseDetail; youngPerson: boolean }) {
  if (!details.parentsSharing) return null;
  const words = youngPerson ? parentsSharingForYoungPerson(details.parentsSharing) : parentsSharingForStaff(details.parentsSharing, firstName(details.name));
  return (
    <section className="nhsuk-inset-text" aria-labelledby="parents-sharing-heading" data-testid="parents-sharing">
      <h2 id="parents-sharing-heading" className="nhsuk-heading-s">
        {words.heading}
      </h2>
      {words.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </section>
  );
}
