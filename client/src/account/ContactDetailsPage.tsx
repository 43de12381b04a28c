/**
 * "Your contact details": the phone number and working hours each team you are on sees on its
 * team page (your email address is the one you sign in with). Only for staff and professionals
 * (sharesContactDetails): the app shows families NotForYouPage, and asks the server nothing.
 */
import type { TeamContact } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { changeOwnContact, getOwnContact } from "../api/api";
import { useResource } from "../api/use-resource";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FormField } from "../auth/FormField";
import { useSavingForm } from "../auth/use-saving-form";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { usePageHeading } from "../navigation/use-page-heading";

type Field = "phone" | "workingHours";
const layout = { fields: ["phone", "workingHours"] as const };

export function ContactDetailsPage() {
  const headingRef = usePageHeading("Your contact details");
  const current = useResource(getOwnContact, "own-contact");
  if (current.status === "failed") return <ProblemPage error={current.error} retry={current.retry} />;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={headingRef} tabIndex={-1}>
          Your contact details
        </h1>
        <p>Everyone on the teams you are part of sees these on the team page, so they know how and when to reach you.</p>
        {current.status === "loading" ? <PageLoading label="Loading your contact details…" /> : <ContactForm contact={current.data} />}
      </div>
    </div>
  );
}

function ContactForm({ contact }: { contact: TeamContact }) {
  const [phone, setPhone] = useState(contact.phone ?? "");
  const [workingHours, setWorkingHours] = useState(contact.workingHours ?? "");
  const { errors, saving, saved, send } = useSavingForm<Field>(layout, (name) => (name === "phone" || name === "workingHours" ? name : undefined));

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    send(() =>
      changeOwnContact({ phone, workingHours }).then((now) => {
        setPhone(now.phone ?? "");
        setWorkingHours(now.workingHours ?? "");
      }),
    );
  };

  return (
    <>
      {errors && <ErrorSummary errors={errors} />}
      <p className="nhsuk-u-visually-hidden" role="status">
        {saved ? "Your contact details are saved." : ""}
      </p>
      {saved && (
        <div className="nhsuk-inset-text">
          <p>Your contact details are saved. Your teams see them now.</p>
        </div>
      )}
      <form onSubmit={handleSubmit} noValidate>
        <p>
          Email address: <strong>{contact.email}</strong> (the one you sign in with)
        </p>
        <FormField
          id="phone"
          label="Phone number"
          hint="The number your teams should call you on. Leave it blank to show none."
          error={errors?.fields.phone}
          type="tel"
          autoComplete="tel"
          maxLength={40}
          inputClassName="nhsuk-input--width-20"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        <FormField
          id="workingHours"
          label="Working hours"
          hint="For example, Monday to Thursday, 9am to 5pm."
          error={errors?.fields.workingHours}
          maxLength={200}
          value={workingHours}
          onChange={(event) => setWorkingHours(event.target.value)}
        />
        <button type="submit" className="nhsuk-button" aria-disabled={saving || undefined}>
          {saving ? "Saving…" : "Save contact details"}
        </button>
      </form>
    </>
  );
}
