/**
 * Time-based one-time passwords (RFC 6238, as authenticator apps use them): HMAC-SHA1 over the
 * 30-second step, six digits, with the secret shared as base32 (RFC 4648). A code is accepted
 * one step either side of now, for clocks a little out, and never twice. The codes and base32
 * come from otplib; this module fixes our settings and keeps the step numbers callers store.
 */
import { generateSecret, generateSync, ScureBase32Plugin, verifySync } from "otplib";

export const totpStepSeconds = 30;
const digits = 6;
const base32 = new ScureBase32Plugin();

/** A new 20-byte secret, as 32 base32 characters. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** Base32 without padding, as authenticator apps show it. */
export function base32Encode(bytes: Uint8Array): string {
  return base32.encode(bytes, { padding: false });
}

/** Reads a key as people type it: any case, with spaces, dashes or padding. */
export function base32Decode(text: string): Uint8Array {
  return base32.decode(text.replace(/[\s=-]/g, ""));
}

/** The code for one time step (HOTP with the step as its counter), `length` digits. */
export function totpCode(secret: Uint8Array, step: number, length: 6 | 7 | 8 = digits): string {
  return generateSync({ secret, epoch: step * totpStepSeconds, period: totpStepSeconds, digits: length });
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / totpStepSeconds);
}

/**
 * The step a code matches (now, or one step either side), or null. `lastUsedStep` stops a code
 * — or an older one — being used again.
 */
export function verifyTotp(secretBase32: string, code: string, at: Date, lastUsedStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(at);
  // otplib refuses (throws) a last-used step past the window; no code could match then anyway.
  if (lastUsedStep !== null && lastUsedStep > now) return null;
  const result = verifySync({
    secret: base32Decode(secretBase32),
    token: code,
    // From the start of this step, a tolerance of one step reaches exactly the steps either side.
    epoch: now * totpStepSeconds,
    epochTolerance: totpStepSeconds,
    period: totpStepSeconds,
    digits,
    afterTimeStep: lastUsedStep ?? undefined,
  });
  return result.valid ? now + result.delta : null;
}

/**
 * The address authenticator apps read (from a QR code or a tap on a phone). Written here rather
 * than by otplib's builder, which leaves out the default algorithm, digits and period: the
 * address names them, as it always has, for apps that do not assume them.
 */
export function otpauthUri(secretBase32: string, accountEmail: string, issuer = "Roundtable"): string {
  const label = encodeURIComponent(`${issuer}:${accountEmail}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${digits}&period=${totpStepSeconds}`;
}
