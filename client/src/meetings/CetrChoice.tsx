/**
 * Which of the child's CETRs a CETR follow-up meeting follows up: one that has been held (its
 * report agreed or still to agree). The meeting then goes through that CETR's actions one by one.
 */
import { ukCalendarDate, type CetrStatus } from "@roundtable/domain";
import { listCaseCetrs } from "../api/cetr-api";
import { useResource } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { FieldError } from "./FieldError";

const followable: readonly CetrStatus[] = ["held", "agreed"];
const reportWords: Partial<Record<CetrStatus, string>> = { held: "report still to agree", agreed: "report agreed" };

interface CetrChoiceProps {
  caseId: string;
  childName: string | undefined;
  value: string;
  error?: string;
  onChange(cetrId: string): void;
}

export function CetrChoice({ caseId, childName, value, error, onChange }: CetrChoiceProps) {
  const cetrs = useResource(() => listCaseCetrs(caseId), `case-cetrs:${caseId}`);
  const errorId = "cetrId-error";
  const choices = cetrs.status === "loaded" ? cetrs.data.filter((c) => followable.includes(c.status)) : [];
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`} data-testid="cetr-choice">
      <fieldset className="nhsuk-fieldset" aria-describedby={`cetrId-hint${error ? ` ${errorId}` : ""}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Which CETR does it follow up?</legend>
        <div className="nhsuk-hint" id="cetrId-hint">
          The meeting goes through that CETR's actions one by one: those agreed at it, and those carried into it from the CETR before.
        </div>
        <FieldError id={errorId} message={error} />
        {cetrs.status === "loading" && <PageLoading label="Loading the child's CETRs…" />}
        {cetrs.status === "failed" && <p>{cetrs.error.message}</p>}
        {cetrs.status === "loaded" && choices.length === 0 && (
          // The first choice's id is where the error summary sends focus; with none, the words take it.
          <p id="cetrId" tabIndex={-1}>
            {childName ?? "This child"} has no CETR that has been held yet. A follow-up meeting follows up a CETR once it has been held.
          </p>
        )}
        {choices.length > 0 && (
          <div className="nhsuk-radios">
            {choices.map((c, index) => {
              const id = index === 0 ? "cetrId" : `cetrId-${c.id}`;
              // Held or agreed, so it has its date.
              const when = c.heldOn ? `The CETR on ${ukCalendarDate(c.heldOn)}` : "The CETR";
              return (
                <div key={c.id} className="nhsuk-radios__item">
                  <input className="nhsuk-radios__input" id={id} name="cetrId" type="radio" value={c.id} checked={value === c.id} onChange={() => onChange(c.id)} />
                  <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                    {when} ({reportWords[c.status]})
                  </label>
                </div>
              );
            })}
          </div>
        )}
      </fieldset>
    </div>
  );
}
