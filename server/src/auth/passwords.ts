/**
 * Password hashing. New passwords are hashed with argon2id (@node-rs/argon2, docs/adr/0009);
 * accounts whose passwords were set before then keep their scrypt hashes (docs/adr/0003), which
 * still verify, so everyone can go on signing in.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";

// @node-rs/argon2's defaults are argon2id with 19 MiB, 2 passes, 1 lane: OWASP's baseline, and
// about 20 ms to verify. (Its Algorithm enum is a const enum, which isolated modules cannot read.)
const argon2Prefix = "$argon2id$";

export async function hashPassword(password: string): Promise<string> {
  return argon2Hash(password);
}

// Compared against when there is no account, so a missing one costs as much as a real one.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (stored === null) {
    dummyHash ??= argon2Hash(randomBytes(16).toString("base64"));
    await argon2Verify(await dummyHash, password);
    return false;
  }
  if (stored.startsWith(argon2Prefix)) {
    try {
      return await argon2Verify(stored, password);
    } catch {
      return false; // a malformed hash matches nothing
    }
  }
  return verifyScrypt(password, stored);
}

// scrypt, as passwords were hashed before argon2id: kept only to verify those hashes.
const scryptKeyLength = 64;
const scryptParams: ScryptOptions = { N: 16384, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, scryptKeyLength, scryptParams, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [scheme, saltB64, keyB64] = stored.split("$");
  if (scheme !== "scrypt" || !saltB64 || keyB64 === undefined) return false;
  const key = await scrypt(password, Buffer.from(saltB64, "base64"));
  const expected = Buffer.from(keyB64, "base64");
  return expected.length === key.length && timingSafeEqual(expected, key);
}
