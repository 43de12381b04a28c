/**
 * "Agencies", for the service lead: each agency working with the service, and the person it
 * names as its escalation contact — told, with the action's owner, when one of the agency's
 * actions is escalated because it is overdue. The service lead chooses from the people who work
 * there, or nobody. Then the relationships the service's network maps offer (RelationshipLabelsSection),
 * which the service lead chooses too. Only for the service lead (mayNameEscalationContacts): the app
 * shows everyone else NotForYouPage, and asks the server nothing.
 */
import type { AgencyWithContact } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { listAgencies, setEscalationContact } from "../api/escalation-api";
import { useLiveResource, useReadFailure } from "../api/use-resource";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { usePageHeading } from "../navigation/use-page-heading";
import { RelationshipLabelsSection } from "../network-map/RelationshipLabelsSection";
import { contactSentence, savedSentence } from "./agency-words";
import "./agencies.css";

const nobody = "";

export function AgenciesPage() {
  const headingRef = usePageHeading("Agencies");
  const { resource: agencies, change } = useLiveResource(listAgencies, "agencies");
  const [announcement, setAnnouncement] = useState("");

  if (agencies.status === "failed") return <ProblemPage error={agencies.error} retry={agencies.retry} />;

  const saved = (agency: AgencyWithContact) => {
    change((current) => current?.map((a) => (a.id === agency.id ? agency : a)) ?? null);
    setAnnouncement(savedSentence(agency));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          Agencies
        </h1>
        <p className="nhsuk-lede-text">
          When an overdue action is escalated, its owner is told, and so is the escalation contact their agency names. Choose each agency's contact
          from the people who work there.
        </p>
        <p>
          Further down: <a href="#relationship-labels-heading">the relationships offered on network maps</a>.
        </p>
        <p className="nhsuk-u-visually-hidden" role="status">
          {announcement}
        </p>
        {agencies.status === "loading" && <PageLoading label="Loading the agencies…" />}
        {agencies.status === "loaded" &&
          agencies.data.map((agency) => <AgencyContact key={agency.id} agency={agency} onSaved={saved} onChanged={() => setAnnouncement("")} />)}
        <RelationshipLabelsSection />
      </div>
    </div>
  );
}

function AgencyContact({ agency, onSaved, onChanged }: { agency: AgencyWithContact; onSaved(agency: AgencyWithContact): void; onChanged(): void }) {
  const readFailure = useReadFailure();
  const [chosen, setChosen] = useState(agency.escalationContact?.id ?? nobody);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savedNow, setSavedNow] = useState(false);
  const fieldId = `contact-${agency.id}`;
  const errorId = `${fieldId}-error`;
  const headingId = `agency-${agency.id}`;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await setEscalationContact(agency.id, chosen === nobody ? null : chosen);
      setSavedNow(true);
      onSaved(updated);
    } catch (failure) {
      const read = readFailure(failure);
      setError(read.details.personId ?? read.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rt-agency" aria-labelledby={headingId} data-testid="agency">
      <h2 className="nhsuk-heading-s rt-agency__name" id={headingId}>
        {agency.name}
      </h2>
      <p className="rt-agency__contact">{contactSentence(agency)}</p>
      {agency.people.length === 0 ? (
        <p className="nhsuk-body-s rt-agency__none">Nobody who works here has a Roundtable account yet, so there is nobody to name.</p>
      ) : (
        <form className="rt-agency__form" onSubmit={(event) => void save(event)} noValidate>
          <div className={`nhsuk-form-group rt-agency__group${error ? " nhsuk-form-group--error" : ""}`}>
            <label className="nhsuk-label" htmlFor={fieldId}>
              Escalation contact<span className="nhsuk-u-visually-hidden"> for {agency.name}</span>
            </label>
            {error && (
              <p className="nhsuk-error-message" id={errorId}>
                <span className="nhsuk-u-visually-hidden">Error:</span> {error}
              </p>
            )}
            <select
              className={`nhsuk-select rt-agency__select${error ? " nhsuk-select--error" : ""}`}
              id={fieldId}
              value={chosen}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => {
                setChosen(event.target.value);
                setSavedNow(false);
                onChanged();
              }}
            >
              <option value={nobody}>No one named</option>
              {agency.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.jobTitle ? `${person.name} (${person.jobTitle})` : person.name}
                </option>
              ))}
            </select>
          </div>
          <div className="rt-agency__actions">
            <button type="submit" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small rt-agency__save" aria-disabled={busy}>
              Save<span className="nhsuk-u-visually-hidden"> the escalation contact for {agency.name}</span>
            </button>
            {savedNow && <span className="rt-agency__saved">Saved</span>}
          </div>
        </form>
      )}
    </section>
  );
}
