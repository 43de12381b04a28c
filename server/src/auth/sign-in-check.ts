/**
 * Proving who you are, the one way: the limits on guessing (per IP address, then per email
 * address), the password, then the two-step code when it is on (docs/adr/0007). Signing in and
 * accepting an invitation as an existing account both go through here and share its counters,
 * so neither is a way round the other's limits or its second step.
 */
import { schema, type Db } from "@roundtable/db";
import { eq, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { SignInLimitsConfig } from "../config.js";
import { HttpError } from "../errors.js";
import { verifyPassword } from "./passwords.js";
import { checkSignInCode } from "./two-step.js";
import { SignInLimits } from "./sign-in-limits.js";
import type { Limiter } from "../limiter.js";

export interface Credentials {
  /** Lower-cased. */
  email: string;
  password: string;
  /** The code from an authenticator app, when two-step sign-in is on. */
  code?: string | undefined;
}

/** How a refusal is worded: on the sign-in form the person typed their email; on an invitation they did not. */
export type SignInWording = "sign-in" | "invitation";

const wrongCredentials: Record<SignInWording, HttpError> = {
  "sign-in": new HttpError(401, "Email or password is not right. Check them and try again."),
  invitation: new HttpError(401, "That password is not right. Enter the password you use to sign in to Roundtable.", {
    password: "That password is not right. Enter the password you use to sign in to Roundtable",
  }),
};

export class SignInCheck {
  private readonly limits: SignInLimits;

  constructor(
    private readonly db: Db,
    limits: SignInLimitsConfig,
    private readonly log: Logger,
    limiter: Limiter,
  ) {
    this.limits = new SignInLimits(limits, limiter);
  }

  /**
   * The account's id when the password (and code, if two-step sign-in is on) is right; an
   * HttpError otherwise: 429 (with Retry-After) past a limit, 401 for a wrong password or a
   * missing or wrong code. A missing or wrong code counts as a failed attempt, as a wrong
   * password does. `fromAddress` is the client's IP address, as the request tells it.
   */
  async verify(fromAddress: string, { email, password, code }: Credentials, wording: SignInWording): Promise<string> {
    await this.countAttemptFrom(fromAddress);
    const emailWait = await this.limits.attemptForEmail(email);
    if (emailWait !== null) throw this.tooManyAttempts(emailWait, "email");
    const [account] = await this.db
      .select({ id: schema.people.id, passwordHash: schema.people.passwordHash })
      .from(schema.people)
      .where(eq(sql`lower(${schema.people.email})`, email))
      .limit(1);
    const ok = await verifyPassword(password, account?.passwordHash ?? null);
    if (!account || !ok) throw wrongCredentials[wording];
    const second = await checkSignInCode(this.db, account.id, code);
    // The right password is no guess from this IP address (a wrong code still is): only
    // failures count there, so colleagues behind one office address do not use up its allowance.
    if (second !== "wrong") await this.limits.ipAttemptWentThrough(fromAddress);
    if (second === "missing") {
      throw new HttpError(401, "Enter the 6-digit code from your authenticator app to finish signing in.", { code: "Enter the 6-digit code from your authenticator app" });
    }
    if (second === "wrong") {
      throw new HttpError(401, "That code is not right. Check the code in your authenticator app and try again.", { code: "Enter the 6-digit code your app shows now" });
    }
    await this.limits.succeeded(email);
    return account.id;
  }

  /**
   * Counts an attempt to prove who someone is from this IP address (a password, or a reset
   * link) as a failure until `attemptWentThrough` says otherwise; a 429 past the limit.
   */
  async countAttemptFrom(fromAddress: string): Promise<void> {
    const ipWait = await this.limits.attemptFromIp(fromAddress);
    if (ipWait !== null) throw this.tooManyAttempts(ipWait, "ip");
  }

  attemptWentThrough(fromAddress: string): Promise<void> {
    return this.limits.ipAttemptWentThrough(fromAddress);
  }

  /** A new password was set with a reset link: the address's failures and any lock are cleared. */
  passwordWasReset(email: string): Promise<void> {
    return this.limits.succeeded(email.toLowerCase());
  }

  // The same answer whichever limit was reached, so it says nothing about whether an account exists.
  private tooManyAttempts(waitMs: number, limit: "email" | "ip"): HttpError {
    this.log.warn({ limit }, "sign-in attempts paused");
    const minutes = Math.ceil(waitMs / 60_000);
    return new HttpError(429, `There have been too many attempts to sign in. Wait ${minutes === 1 ? "a minute" : `${minutes} minutes`}, then try again.`, undefined, {
      "Retry-After": String(Math.ceil(waitMs / 1000)),
    });
  }
}
