/** The email address someone signs in with: on the sign-in page and when asking for a password reset. */
import { FormField } from "./FormField";

export function EmailAddressField({ value, error, onChange }: { value: string; error: string | undefined; onChange(value: string): void }) {
  return (
    <FormField
      id="email"
      name="email"
      type="email"
      label="Email address"
      autoComplete="username"
      spellCheck={false}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
