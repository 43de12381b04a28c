/**
 * "Two-step sign-in": for staff and professional accounts, an authenticator app on their phone
 * gives a code they enter after their password. Set it up (scan or type the key, prove it works
 * with a code), or turn it off with a code.
 */
import type { TwoStepStatus } from "@roundtable/domain";
import { useState, type FormEvent } from "react";
import { ApiRequestError, getTwoStep, setUpTwoStep, switchTwoStep } from "../api/api";
import { useResource } from "../api/use-resource";
import { ErrorSummary } from "../auth/ErrorSummary";
import { FormField } from "../auth/FormField";
import { PageLoading } from "../layout/PageLoading";
import { ProblemPage } from "../layout/ProblemPage";
import { usePageHeading } from "../navigation/use-page-heading";
import { groupedKey } from "./two-step-key";

const codeMessage = "Enter the 6-digit code from your authenticator app";

export function TwoStepPage() {
  const headingRef = usePageHeading("Two-step sign-in");
  const loaded = useResource(getTwoStep, "two-step");
  const [status, setStatus] = useState<TwoStepStatus | null>(null);
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  if (loaded.status === "failed") return <ProblemPage error={loaded.error} retry={loaded.retry} />;
  const current = status ?? (loaded.status === "loaded" ? loaded.data : null);

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (problem) {
      setError(problem instanceof ApiRequestError ? (problem.details.code ?? problem.message) : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const submitCode = (event: FormEvent<HTMLFormElement>, on: boolean) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, "");
    if (!/^\d{6}$/.test(digits)) return setError(codeMessage);
    void run(async () => {
      const next = await switchTwoStep(on, digits);
      setStatus(next);
      setSetup(null);
      setCode("");
      setAnnouncement(on ? "Two-step sign-in is on." : "Two-step sign-in is off.");
    });
  };

  const codeField = (
    <FormField
      id="code"
      name="code"
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      inputClassName="nhsuk-input--width-10"
      label="Code from your authenticator app"
      hint="The 6 numbers the app shows for Roundtable. They change every 30 seconds."
      value={code}
      error={error ?? undefined}
      onChange={(event) => setCode(event.target.value)}
    />
  );

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {error && <ErrorSummary errors={{ summary: [{ field: "code", message: error }] }} />}
        <h1 ref={headingRef} tabIndex={-1}>
          Two-step sign-in
        </h1>
        <p className="nhsuk-u-visually-hidden" role="status">
          {announcement}
        </p>
        {!current && <PageLoading label="Checking your account…" />}
        {current && !current.available && <p>Two-step sign-in is for staff and professional accounts. Your account signs in with your password.</p>}
        {current?.available && current.enabled && (
          <>
            <p>
              <strong>Two-step sign-in is on.</strong> After your password, Roundtable asks for a code from the authenticator app on your
              phone, so nobody can sign in as you with your password alone.
            </p>
            <form onSubmit={(event) => submitCode(event, false)} noValidate>
              <h2>Turn it off</h2>
              {codeField}
              <button type="submit" className="nhsuk-button nhsuk-button--secondary" aria-disabled={busy}>
                Turn off two-step sign-in
              </button>
            </form>
          </>
        )}
        {current?.available && !current.enabled && !setup && (
          <>
            <p>
              Two-step sign-in protects the records of the children you work with: after your password, you enter a code from an
              authenticator app on your phone (for example Microsoft Authenticator or Google Authenticator).
            </p>
            <button type="button" className="nhsuk-button" aria-disabled={busy} onClick={() => void run(async () => setSetup(await setUpTwoStep()))}>
              Set up two-step sign-in
            </button>
          </>
        )}
        {current?.available && !current.enabled && setup && (
          <form onSubmit={(event) => submitCode(event, true)} noValidate>
            <ol className="nhsuk-list nhsuk-list--number">
              <li>Open your authenticator app and choose to add an account.</li>
              <li>
                On this phone, <a href={setup.otpauthUri}>add Roundtable to your authenticator app</a>. Otherwise, choose to enter a key and
                type this key:
                <p className="rt-two-step-key" data-testid="two-step-key">
                  <code>{groupedKey(setup.secret)}</code>
                </p>
              </li>
              <li>Enter the code the app shows, to check it works.</li>
            </ol>
            {codeField}
            <button type="submit" className="nhsuk-button" aria-disabled={busy}>
              Turn on two-step sign-in
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
