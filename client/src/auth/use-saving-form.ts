/**
 * A form that saves one thing and stays on the page: whether it is saving, whether it has just
 * saved, and its errors — its own checks', or the server's refusal read by `formErrorsFromServer`.
 */
import { useState } from "react";
import { formErrorsFromServer, type FormErrors, type FormLayout } from "./form-errors";

export function useSavingForm<F extends string>(layout: FormLayout<F>, fieldFor: (name: string) => F | undefined) {
  const [errors, setErrors] = useState<FormErrors<F> | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  /** Sends `save` unless a save is under way; a refusal becomes the form's errors. */
  const send = (save: () => Promise<unknown>) => {
    if (saving) return;
    setSaving(true);
    setSaved(false);
    save()
      .then(() => {
        setErrors(null);
        setSaved(true);
      })
      .catch((error: unknown) => setErrors(formErrorsFromServer(layout, error, { fieldFor })))
      .finally(() => setSaving(false));
  };
  return { errors, setErrors, saving, saved, setSaved, send };
}
