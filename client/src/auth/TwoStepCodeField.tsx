/**
 * The box for the code from an authenticator app, shown once the server has said the password
 * was right and the account uses two-step sign-in: on the sign-in page and on an invitation.
 */
import { FormField } from "./FormField";

export function TwoStepCodeField({ value, error, onChange }: { value: string; error: string | undefined; onChange(value: string): void }) {
  return (
    <>
      <p className="nhsuk-body" role="status">
        Your password is right. Your account also uses two-step sign-in.
      </p>
      <FormField
        id="code"
        name="code"
        type="text"
        inputMode="numeric"
        label="Code from your authenticator app"
        hint="Open the app on your phone and enter the 6-digit code it shows for Roundtable."
        autoComplete="one-time-code"
        inputClassName="nhsuk-input--width-10"
        spellCheck={false}
        value={value}
        error={error}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}
