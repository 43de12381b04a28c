/**
 * The CETR's panel — independent chair, clinical expert, expert by experience — each with a place
 * on this one CETR, not on the child's team; the place ends when the report is agreed. The ICB
 * lead adds people by the email of their Roundtable account.
 */
import { panelPlaceLabels, panelPlaces, type CetrDetail, type PanelPlace } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { ApiRequestError } from "../api/api";
import { addPanelMember } from "../api/cetr-api";
import { FieldShell } from "../auth/FieldShell";
import { FormField } from "../auth/FormField";

interface CetrPanelProps {
  cetr: CetrDetail;
  onChanged(next: CetrDetail, said: string): void;
}

export function CetrPanel({ cetr, onChanged }: CetrPanelProps) {
  const [email, setEmail] = useState("");
  const [place, setPlace] = useState<PanelPlace>("independent-chair");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (email.trim() === "") return setError("Give their email address");
    setBusy(true);
    setError(null);
    try {
      const next = await addPanelMember(cetr.id, { email: email.trim(), place });
      setEmail("");
      onChanged(next, `Added to the panel as ${panelPlaceLabels[place].toLowerCase()}.`);
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? (failure.details.email ?? Object.values(failure.details)[0] ?? failure.message) : "That did not save. Try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="cetr-panel-heading" className="rt-cetr__panel">
      <h2 id="cetr-panel-heading">The panel</h2>
      {cetr.panel.length === 0 ? (
        <p>Nobody has been given a place on the panel yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {cetr.panel.map((p) => (
            <li key={p.personId}>
              <strong>{p.name}</strong>, {panelPlaceLabels[p.place].toLowerCase()}
              {p.endedAt && " (place ended when the report was agreed)"}
            </li>
          ))}
        </ul>
      )}
      {cetr.may.arrange && (
        <form onSubmit={handleSubmit} noValidate className="rt-cetr__panel-form">
          <FormField id="panel-email" label="Email address of their Roundtable account" type="email" autoComplete="off" error={error ?? undefined} value={email} onChange={(e) => setEmail(e.target.value)} />
          <FieldShell id="panel-place" label="Their place on the panel">
            {() => (
              <select className="nhsuk-select" id="panel-place" value={place} onChange={(e) => setPlace(e.target.value as PanelPlace)}>
                {panelPlaces.map((p) => (
                  <option key={p} value={p}>
                    {panelPlaceLabels[p]}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" aria-disabled={busy || undefined}>
            Add to the panel
          </button>
        </form>
      )}
    </section>
  );
}
