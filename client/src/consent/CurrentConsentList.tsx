/**
 * What holds now, as an NHS.UK summary list: one row a question, with the decision, who made it,
 * and for sharing consent whether that agency can open the child's records. People who run the
 * case get "Record that consent was withdrawn" beside each consent in force.
 */
import { isConsentInForce, type ConsentRecord } from "@roundtable/domain";
import type { ConsentRow } from "./consent-rows";
import { ConsentTag } from "./ConsentTag";
import { describeConsent, sharingEffect } from "./consent-words";

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function withdrawButtonId(consentId: string): string {
  return `withdraw-${consentId}`;
}

export function CurrentConsentList({
  rows,
  childPossessive,
  onWithdraw,
}: {
  rows: readonly ConsentRow[];
  childPossessive: string;
  /** Null for people who may only look. */
  onWithdraw: ((record: ConsentRecord, row: ConsentRow) => void) | null;
}) {
  return (
    <dl className="nhsuk-summary-list rt-consent-list" data-testid="current-consent">
      {rows.map((row) => (
        <div key={row.key} className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{row.label}</dt>
          <dd className="nhsuk-summary-list__value">
            <ConsentTag record={row.current} />
            <p className="rt-consent-list__words">{describeConsent(row.current)}</p>
            {row.agency && <p className="rt-consent-list__words">{sharingEffect(row.current, row.agency.name, childPossessive)}</p>}
            {row.current?.note && <p className="rt-consent-list__words rt-consent-list__note">Note: {row.current.note}</p>}
          </dd>
          {onWithdraw && (
            <dd className="nhsuk-summary-list__actions">
              {row.current && isConsentInForce(row.current) && (
                <button
                  id={withdrawButtonId(row.current.id)}
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-consent-list__button"
                  onClick={() => row.current && onWithdraw(row.current, row)}
                >
                  Record that consent was withdrawn<span className="nhsuk-u-visually-hidden">: {lowerFirst(row.label)}</span>
                </button>
              )}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
