/**
 * What moves a CETR on: the ICB lead arranges it (date and chair); the chair, or the ICB lead,
 * marks it held and agrees the report; the ICB lead or the keyworkers withdraw it before it is
 * held, saying why. Each button is offered only when the server says this reader may.
 */
import type { CetrCommand, CetrDetail } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { useMe } from "../auth/session-context";
import { ApiRequestError } from "../api/api";
import { commandCetr } from "../api/cetr-api";
import { FieldShell } from "../auth/FieldShell";
import { FormField } from "../auth/FormField";
import { TextAreaField } from "../auth/TextAreaField";

interface ControlsProps {
  cetr: CetrDetail;
  onChanged(next: CetrDetail, said: string): void;
}

function useCommand(cetr: CetrDetail, onChanged: ControlsProps["onChanged"]) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (command: CetrCommand, said: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      onChanged(await commandCetr(cetr.id, command), said);
      return true;
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? (Object.values(failure.details)[0] ?? failure.message) : "That did not save. Try again.");
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

export function ArrangeCetr({ cetr, onChanged }: ControlsProps) {
  const me = useMe();
  const { error, busy, run } = useCommand(cetr, onChanged);
  const [heldOn, setHeldOn] = useState(cetr.heldOn ?? "");
  const chairs = [{ id: me.id, name: `${me.name} (you)` }, ...cetr.panel.filter((p) => !p.endedAt && p.personId !== me.id).map((p) => ({ id: p.personId, name: p.name }))];
  const [chairId, setChairId] = useState(cetr.chair?.id ?? chairs[0]!.id);
  const [open, setOpen] = useState(cetr.status === "requested");
  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await run({ type: "arrange", heldOn, chairId }, `Arranged for ${heldOn}.`)) setOpen(false);
  };
  if (!open) {
    return (
      <p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setOpen(true)}>
          Change the date or chair
        </button>
      </p>
    );
  }
  return (
    <form className="rt-cetr__arrange" onSubmit={handleSubmit} noValidate aria-labelledby="cetr-arrange-heading">
      <h2 id="cetr-arrange-heading">{cetr.status === "requested" ? "Arrange this CETR" : "Change the date or chair"}</h2>
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      <FormField id="cetr-held-on" label="Date of the CETR" type="date" inputClassName="nhsuk-input--width-10" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
      <FieldShell id="cetr-chair" label="Chair" hint="You, or someone on the panel. To have an independent chair, add them to the panel below first.">
        {({ describedBy }) => (
          <select className="nhsuk-select" id="cetr-chair" aria-describedby={describedBy} value={chairId} onChange={(e) => setChairId(e.target.value)}>
            {chairs.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <button type="submit" className="nhsuk-button" aria-disabled={busy || undefined}>
        {cetr.status === "requested" ? "Arrange the CETR" : "Save the date and chair"}
      </button>
    </form>
  );
}

export function CetrControls({ cetr, onChanged }: ControlsProps) {
  const { error, busy, run } = useCommand(cetr, onChanged);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  if (!cetr.may.hold && !cetr.may.agree && !cetr.may.withdraw) return null;
  return (
    <div className="rt-cetr__controls" data-testid="cetr-controls">
      {error && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </p>
      )}
      <div className="rt-button-row">
        {cetr.may.hold && (
          <button type="button" className="nhsuk-button" aria-disabled={busy || undefined} onClick={() => void run({ type: "hold" }, "Marked as held. The report is now to be agreed.")}>
            Mark the CETR as held
          </button>
        )}
        {cetr.may.agree && (
          <button type="button" className="nhsuk-button" aria-disabled={busy || undefined} onClick={() => void run({ type: "agree-report" }, "The report is agreed and can no longer be changed.")}>
            Agree the report
          </button>
        )}
        {cetr.may.withdraw && !withdrawing && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setWithdrawing(true)}>
            Withdraw this CETR
          </button>
        )}
      </div>
      {cetr.may.agree && <p className="nhsuk-hint">Agreeing freezes the report and the easy-read summary as they are, ends the panel's places, and shares the report with the family.</p>}
      {withdrawing && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: "withdraw", reason }, "The CETR is withdrawn.").then((ok) => ok && setWithdrawing(false));
          }}
          noValidate
        >
          <TextAreaField id="cetr-withdraw-reason" label="Why is it withdrawn?" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="rt-button-row">
            <button type="submit" className="nhsuk-button nhsuk-button--warning" aria-disabled={busy || undefined}>
              Withdraw it
            </button>
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setWithdrawing(false)}>
              Keep it
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
