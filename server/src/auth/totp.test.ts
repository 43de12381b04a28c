import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, newTotpSecret, otpauthUri, totpCode, totpStep, verifyTotp } from "./totp.js";

// RFC 6238, appendix B: the SHA-1 secret is the ASCII "12345678901234567890".
const rfcSecret = new TextEncoder().encode("12345678901234567890");

describe("one-time codes", () => {
  it("matches the RFC 6238 test vectors", () => {
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, expected] of vectors) expect(totpCode(rfcSecret, totpStep(new Date(seconds * 1000)), 8)).toBe(expected);
  });

  it("round-trips base32 as RFC 4648 writes it", () => {
    expect(base32Encode(new TextEncoder().encode("foobar"))).toBe("MZXW6YTBOI");
    expect(new TextDecoder().decode(base32Decode("mzxw 6ytb oi"))).toBe("foobar");
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  it("accepts a code one step either side of now, once, and nothing else", () => {
    const secret = base32Encode(rfcSecret);
    const at = new Date(1234567890 * 1000);
    const step = totpStep(at);
    const code = totpCode(rfcSecret, step);
    expect(verifyTotp(secret, code, at, null)).toBe(step);
    expect(verifyTotp(secret, code, at, step)).toBeNull(); // used already
    expect(verifyTotp(secret, totpCode(rfcSecret, step - 1), at, null)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(rfcSecret, step + 1), at, null)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(rfcSecret, step - 2), at, null)).toBeNull();
    expect(verifyTotp(secret, totpCode(rfcSecret, step + 2), at, null)).toBeNull();
    expect(verifyTotp(secret, "12345", at, null)).toBeNull();
    expect(verifyTotp(secret, "abcdef", at, null)).toBeNull();
  });

  it("refuses every code, without failing, once a later step than now has been used (a clock turned back)", () => {
    const secret = base32Encode(rfcSecret);
    const at = new Date(1234567890 * 1000);
    const step = totpStep(at);
    expect(verifyTotp(secret, totpCode(rfcSecret, step + 1), at, step)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(rfcSecret, step + 1), at, step + 1)).toBeNull();
    expect(verifyTotp(secret, totpCode(rfcSecret, step), at, step + 5)).toBeNull();
  });

  it("gives authenticator apps the address they expect", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "mark.davies@roundtable.demo")).toBe(
      "otpauth://totp/Roundtable%3Amark.davies%40roundtable.demo?secret=JBSWY3DPEHPK3PXP&issuer=Roundtable&algorithm=SHA1&digits=6&period=30",
    );
  });
});
