/**
 * The case page's "Invite someone to the team" section, for the people who run the case: an
 * email address, an optional name, a role (and agency, for professionals and ICB leads); then
 * the link to pass on, and every invitation with where it stands.
 */
import { firstNameOf, invitedRoleHasAgency, roleLabels, type CaseDetail, type CreatedInvitation, type InvitableRole, type Invitation } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { ApiRequestError, inviteToCase } from "../api/api";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FormField } from "../auth/FormField";
import { TextAreaField } from "../auth/TextAreaField";
import { useMe, useSession } from "../auth/session-context";
import { PageLoading } from "../layout/PageLoading";
import { InvitationSent } from "./InvitationSent";
import { InvitationsTable } from "./InvitationsTable";
import { parentsNotOfferedWords } from "../consent/parents-sharing-words";
import { checkInviteForm, emptyInviteForm, inviteBody, inviteErrorsFromServer, inviteFieldId, rolesToInvite, type InviteForm, type InviteFormErrors } from "./invite-form";
import { mayInvite } from "./may-invite";
import { SelectField } from "../auth/SelectField";
import { useInvitations } from "./use-invitations";
import "./invitations.css";

export function InviteToTeam({ details, headingId }: { details: CaseDetail; headingId: string }) {
  const me = useMe();
  if (!mayInvite(me, details.team)) return null;
  return <InviteSection details={details} headingId={headingId} />;
}

function InviteSection({ details, headingId }: { details: CaseDetail; headingId: string }) {
  const { sessionEnded } = useSession();
  const { list, upsert } = useInvitations(details.id);
  const [form, setForm] = useState<InviteForm>(emptyInviteForm);
  const [errors, setErrors] = useState<InviteFormErrors | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<CreatedInvitation | null>(null);
  const change = (changes: Partial<InviteForm>) => setForm((current) => ({ ...current, ...changes }));
  const firstName = firstNameOf(details.name);
  const me = useMe();
  const roleOptions = rolesToInvite(details, me.id).map((role) => ({ value: role, label: roleLabels[role] }));

  const changed = (invitation: Invitation) => {
    upsert(invitation);
    // A withdrawn invitation's link no longer works: stop offering it to copy.
    if (invitation.id === sent?.id && invitation.status !== "pending") setSent(null);
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const problems = checkInviteForm(form);
    if (problems) return setErrors(problems);
    setSending(true);
    try {
      const created = await inviteToCase(details.id, inviteBody(form));
      setErrors(null);
      setSent(created);
      setForm(emptyInviteForm);
      upsert(created);
    } catch (error) {
      if (error instanceof ApiRequestError && error.isSessionEnded) return sessionEnded();
      setErrors(inviteErrorsFromServer(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="rt-invite" data-testid="invite-to-team">
      <h2 id={headingId}>Invite someone to the team</h2>
      <p>
        Invite {firstName}&apos;s family, or a professional from another agency, by email. They choose their own password and
        see what their role allows. Everyone has their own account: do not share one.
      </p>
      {sent && <InvitationSent invitation={sent} />}
      {errors && <ErrorSummary errors={errors} />}
      <form onSubmit={handleSubmit} noValidate data-testid="invite-form">
        <FormField
          id={inviteFieldId("email")}
          name="email"
          type="email"
          label="Email address"
          autoComplete="off"
          spellCheck={false}
          inputClassName="nhsuk-u-width-two-thirds"
          value={form.email}
          error={errors?.fields.email}
          onChange={(event) => change({ email: event.target.value })}
        />
        <FormField
          id={inviteFieldId("name")}
          name="name"
          label="Their name (optional)"
          hint="So the email can greet them. They can change it when they accept."
          autoComplete="off"
          inputClassName="nhsuk-u-width-two-thirds"
          value={form.name}
          error={errors?.fields.name}
          onChange={(event) => change({ name: event.target.value })}
        />
        <SelectField
          id={inviteFieldId("role")}
          name="role"
          label="What will they be on the team?"
          hint={parentsNotOfferedWords(details.parentsSharing, firstName, "team") ?? undefined}
          placeholder="Choose a role"
          options={roleOptions}
          value={form.role}
          error={errors?.fields.role}
          onChange={(event) => change({ role: event.target.value as InvitableRole | "" })}
        />
        {form.role !== "" && invitedRoleHasAgency(form.role) && (
          <SelectField
            id={inviteFieldId("agencyId")}
            name="agencyId"
            label="Which agency do they work for?"
            hint={`They see ${firstName}'s records only when the family has agreed to share information with this agency.`}
            placeholder="Choose an agency"
            options={details.agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
            value={form.agencyId}
            error={errors?.fields.agencyId}
            onChange={(event) => change({ agencyId: event.target.value })}
          />
        )}
        {form.role === "young-person" && (
          <TextAreaField
            id={inviteFieldId("youngPersonAgreement")}
            name="youngPersonAgreement"
            label={`How did ${firstName} agree to have their own account?`}
            hint={`Accepting links the account as ${firstName}'s own: it opens ${firstName}'s own page. Ask ${firstName} first, and say in a sentence how they agreed, for example "${firstName} said yes when we met at home on Tuesday".`}
            maxLength={1000}
            value={form.youngPersonAgreement}
            error={errors?.fields.youngPersonAgreement}
            onChange={(event) => change({ youngPersonAgreement: event.target.value })}
          />
        )}
        <button type="submit" className="nhsuk-button" aria-disabled={sending || undefined}>
          {sending ? "Sending…" : "Send invitation"}
        </button>
      </form>
      <h3>Invitations</h3>
      {list.status === "loading" && <PageLoading label="Loading the invitations…" />}
      {list.status === "failed" && (
        <>
          <p>{list.error.message}</p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={list.retry}>
            Try loading the invitations again
          </button>
        </>
      )}
      {list.status === "loaded" && <InvitationsTable caseId={details.id} invitations={list.data} onChanged={changed} />}
    </section>
  );
}
