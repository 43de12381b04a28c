/**
 * Email, when an SMTP server is configured (SMTP_URL). Emails carry a title, a short plain
 * message and a link into Roundtable — never the content of a child's records, which stays
 * behind sign-in.
 */
import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "pino";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string, log: Logger): Mailer | null {
  if (!smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(email) {
      try {
        await transport.sendMail({ from, to: email.to, subject: email.subject, text: email.text });
      } catch (err) {
        // The in-app notification is already stored; a failed email is logged, not fatal.
        log.error({ err: (err as Error).message }, "could not send email");
      }
    },
    close: () => transport.close(),
  };
}
