/**
 * The CETR's panel — independent chair, clinical expert, expert by experience — each with a place
 * on this one CETR, not on the child's team; the place ends when the report is agreed. The ICB
 * lead gives a place by email address: at once to someone who uses Roundtable, or by an
 * invitation (its link shown here to pass on) to someone who does not yet, listed as invited
 * until they accept or the invitation is withdrawn (PanelInvitations).
 */
import { panelPlaceLabels, panelPlaces, type CetrDetail, type PanelPlace, type PanelPlaceGiven } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { addPanelMember } from "../api/cetr-api";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FieldShell } from "../auth/FieldShell";
import { FormField } from "../auth/FormField";
import { InvitationSent } from "../invitations/InvitationSent";
import { PanelInvitations } from "./PanelInvitations";
import { checkPanelForm, emptyPanelForm, panelBody, panelErrorsFromServer, panelFieldId, type PanelForm, type PanelFormErrors } from "./panel-form";

interface CetrPanelProps {
  cetr: CetrDetail;
  onChanged(next: CetrDetail, said: string): void;
}

export function CetrPanel({ cetr, onChanged }: CetrPanelProps) {
  const [form, setForm] = useState<PanelForm>(emptyPanelForm);
  const [errors, setErrors] = useState<PanelFormErrors | null>(null);
  const [sent, setSent] = useState<PanelPlaceGiven["invited"]>(null);
  const [busy, setBusy] = useState(false);
  const change = (changes: Partial<PanelForm>) => setForm((current) => ({ ...current, ...changes }));
  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = checkPanelForm(form);
    if (problems) return setErrors(problems);
    setBusy(true);
    setErrors(null);
    try {
      const { invited, ...next } = await addPanelMember(cetr.id, panelBody(form));
      const place = panelPlaceLabels[form.place].toLowerCase();
      setForm(emptyPanelForm);
      setSent(invited);
      onChanged(next, invited ? `Invited ${invited.name ?? invited.email} to a place on the panel as ${place}.` : `Added to the panel as ${place}.`);
    } catch (failure) {
      setErrors(panelErrorsFromServer(failure));
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
      <PanelInvitations cetr={cetr} onChanged={onChanged} />
      {cetr.may.arrange && (
        <>
          {/* Its link, while it still works: not once it is withdrawn or taken up. */}
          {sent && cetr.panelInvitations.some((i) => i.id === sent.id) && <InvitationSent invitation={sent} lets="take this place on the CETR's panel" />}
          {errors && <ErrorSummary errors={errors} />}
          <form onSubmit={handleSubmit} noValidate className="rt-cetr__panel-form">
            <FormField
              id={panelFieldId("email")}
              label="Their email address"
              hint="The email address of their Roundtable account. If they do not use Roundtable yet, Roundtable sends them an invitation to the place."
              type="email"
              autoComplete="off"
              spellCheck={false}
              error={errors?.fields.email}
              value={form.email}
              onChange={(e) => change({ email: e.target.value })}
            />
            <FormField
              id={panelFieldId("name")}
              label="Their name (if they do not use Roundtable yet)"
              hint="For the invitation. They can change it when they accept."
              autoComplete="off"
              error={errors?.fields.name}
              value={form.name}
              onChange={(e) => change({ name: e.target.value })}
            />
            <FieldShell id={panelFieldId("place")} label="Their place on the panel" error={errors?.fields.place}>
              {({ describedBy, invalid }) => (
                <select
                  className="nhsuk-select"
                  id={panelFieldId("place")}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  value={form.place}
                  onChange={(e) => change({ place: e.target.value as PanelPlace })}
                >
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
        </>
      )}
    </section>
  );
}
