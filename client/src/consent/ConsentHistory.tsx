/**
 * Every consent decision ever recorded for the case, newest first: records are kept, not
 * overwritten, so a decision that changed shows both what was agreed and when it changed.
 */
import type { ConsentRecord } from "@roundtable/domain";
import { formatUkDate } from "../layout/uk-time";
import { Cell, ResponsiveTable } from "../layout/ResponsiveTable";
import { consentLabel } from "./consent-rows";
import { ConsentTag } from "./ConsentTag";

export function ConsentHistory({ records }: { records: readonly ConsentRecord[] }) {
  if (records.length === 0) return null;
  return (
    <details className="nhsuk-details rt-consent-history">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Every decision recorded ({records.length === 1 ? "1 record" : `${records.length} records`})
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <ResponsiveTable caption="Every consent decision, newest first" hideCaption headings={["Recorded", "Consent", "Decision", "Note"]} className="rt-records-table">
          {records.map((record) => (
            <tr key={record.id} className="nhsuk-table__row" role="row">
              <Cell heading="Recorded">
                {formatUkDate(record.recordedAt)}
                <span className="nhsuk-body-s rt-consent-history__detail">by {record.recordedBy.name}</span>
              </Cell>
              <Cell heading="Consent">
                {consentLabel(record)}
              </Cell>
              <Cell heading="Decision">
                <ConsentTag record={record} />
                <span className="rt-consent-history__detail">
                  {record.decision === "given" ? "Given" : "Declined"} by {record.givenBy}
                </span>
                {record.withdrawn && (
                  <span className="rt-consent-history__detail">
                    Withdrawn on {formatUkDate(record.withdrawn.at)}
                    {record.withdrawn.by ? `, recorded by ${record.withdrawn.by.name}` : ""}
                  </span>
                )}
              </Cell>
              <Cell heading="Note">
                {record.note ?? "None"}
              </Cell>
            </tr>
          ))}
        </ResponsiveTable>
      </div>
    </details>
  );
}
