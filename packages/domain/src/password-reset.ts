/**
 * "Forgot your password?": asking for a link by email, and setting a new password with it
 * (docs/adr/0019). The request is answered the same whether or not the address has an account.
 */
import { z } from "zod";
import { newPasswordSchema } from "./invitations.js";
import { textField } from "./text.js";

export const passwordResetRequestBodySchema = z.object({
  email: textField({ error: "Enter your email address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .max(254, "That email address is too long")
    .pipe(z.email("Enter an email address in the right format, like name@example.org")),
});
export type PasswordResetRequestBody = z.infer<typeof passwordResetRequestBodySchema>;

export const passwordResetBodySchema = z.object({ password: newPasswordSchema });
export type PasswordResetBody = z.infer<typeof passwordResetBodySchema>;

/** The one answer to a request, whatever the address: it never says whether an account exists. */
export const passwordResetRequestedMessage =
  "If that address has an account, we have sent a link to it. The link works once, for a short time. Check your inbox and your junk folder.";

/** A link that works: what the page may say before the new password is chosen. */
export interface PasswordResetLink {
  /** When the link stops working (ISO time). */
  expiresAt: string;
}
