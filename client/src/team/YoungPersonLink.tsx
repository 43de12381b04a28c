/**
 * The team page's "{child}'s own account" section (ADR 0012): which account is the child's own,
 * who linked it and how the child agreed. The child's own keyworker links a young person's
 * account on the team after asking them, saying how they agreed; they or the service lead can
 * unlink it, after a second thought, which closes everything of the child's to that account.
 */
import type { CaseDetail, LinkedYoungPerson, Me, TeamMember } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { ApiRequestError, linkYoungPerson, unlinkYoungPerson } from "../api/api";
import { SecondThought } from "../layout/SecondThought";
import { formatUkDate } from "../layout/uk-time";
import { SelectField } from "../auth/SelectField";
import { TextAreaField } from "../auth/TextAreaField";
import { youngPersonLinkChoices } from "./young-person-link";

interface YoungPersonLinkProps {
  details: CaseDetail;
  team: readonly TeamMember[];
  me: Me;
  child: string;
  linked: LinkedYoungPerson | null;
  onChanged(linked: LinkedYoungPerson | null, message: string): void;
  onFailed(error: unknown, field?: string): void;
}

export function YoungPersonLink({ details, team, me, child, linked, onChanged, onFailed }: YoungPersonLinkProps) {
  const may = youngPersonLinkChoices({ keyworker: details.keyworker, youngPerson: linked }, team, me);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const unlink = async () => {
    setBusy(true);
    try {
      await unlinkYoungPerson(details.id);
      setAsking(false);
      onChanged(null, `${linked?.name ?? "The"}'s account is no longer linked as ${child}'s own. It opens nothing of ${child}'s now.`);
    } catch (error) {
      onFailed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="young-person-link-heading" className="rt-young-person-link" data-testid="young-person-link">
      <h2 id="young-person-link-heading">{child}&apos;s own account</h2>
      {linked ? (
        <>
          <p>
            {linked.name}&apos;s account is {child}&apos;s own: it opens {child}&apos;s own page. Linked
            {linked.linkedBy ? ` by ${linked.linkedBy.name}` : ""} on {formatUkDate(linked.linkedAt)}.
          </p>
          <p>How {child} agreed: {linked.agreement}</p>
          {may.mayUnlink && !asking && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setAsking(true)}>
              Unlink {linked.name}&apos;s account
            </button>
          )}
          {asking && (
            <SecondThought
              testId="unlink-question"
              level={3}
              question={`Unlink ${linked.name}'s account?`}
              yes="Yes, unlink it"
              working="Unlinking…"
              busy={busy}
              onYes={() => void unlink()}
              onCancel={() => setAsking(false)}
            >
              <p>
                It will no longer open anything of {child}&apos;s, including {child}&apos;s own page, straight away. {child}&apos;s keyworker
                and the service lead are told.
              </p>
            </SecondThought>
          )}
        </>
      ) : (
        <>
          <p>No account is linked as {child}&apos;s own, so nobody can open {child}&apos;s own page except {child}&apos;s keyworker.</p>
          {may.mayLink && may.candidates.length === 0 && (
            <p>To give {child} an account of their own, ask them first, then invite them as the young person from {child}&apos;s case page.</p>
          )}
          {may.mayLink && may.candidates.length > 0 && <LinkForm caseId={details.id} child={child} candidates={may.candidates} onLinked={onChanged} onFailed={onFailed} />}
        </>
      )}
    </section>
  );
}

function LinkForm({ caseId, child, candidates, onLinked, onFailed }: { caseId: string; child: string; candidates: TeamMember[]; onLinked: YoungPersonLinkProps["onChanged"]; onFailed: YoungPersonLinkProps["onFailed"] }) {
  const [personId, setPersonId] = useState(candidates.length === 1 ? candidates[0]!.personId : "");
  const [agreement, setAgreement] = useState("");
  const [errors, setErrors] = useState<{ personId?: string; agreement?: string }>({});
  const [busy, setBusy] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const problems = {
      ...(personId === "" ? { personId: `Choose ${child}'s account` } : {}),
      ...(agreement.trim() === "" ? { agreement: `Say how ${child} agreed` } : {}),
    };
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const linked = await linkYoungPerson(caseId, { personId, agreement: agreement.trim() });
      onLinked(linked, `${linked.name}'s account is now linked as ${child}'s own.`);
    } catch (error) {
      if (error instanceof ApiRequestError) setErrors({ personId: error.details.personId, agreement: error.details.agreement });
      onFailed(error, "young-person-agreement");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="link-young-person-form">
      <p>
        Link an account only when you know it is {child}&apos;s, and {child} has said yes to having their own account on Roundtable. It
        will open {child}&apos;s own page.
      </p>
      <SelectField
        id="young-person-account"
        name="personId"
        label={`Which account is ${child}'s?`}
        placeholder="Choose an account"
        options={candidates.map((m) => ({ value: m.personId, label: m.name }))}
        value={personId}
        error={errors.personId}
        onChange={(event) => setPersonId(event.target.value)}
      />
      <TextAreaField
        id="young-person-agreement"
        name="agreement"
        label={`How did ${child} agree?`}
        hint={`In a sentence, for example "${child} said yes when we met at home on Tuesday". It is kept with the link, and the service lead sees it.`}
        maxLength={1000}
        value={agreement}
        error={errors.agreement}
        onChange={(event) => setAgreement(event.target.value)}
      />
      <button type="submit" className="nhsuk-button" aria-disabled={busy || undefined}>
        {busy ? "Linking…" : `${child} agreed: link the account`}
      </button>
    </form>
  );
}
