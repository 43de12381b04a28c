/** Password hashing with scrypt from node:crypto (no native add-on to build). */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const keyLength = 64;
const params: ScryptOptions = { N: 16384, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keyLength, params, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt);
  return `scrypt$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Hash even when there is no account, so timing does not reveal which emails exist.
  const [scheme, saltB64, keyB64] = (stored ?? "scrypt$AAAAAAAAAAAAAAAAAAAAAA==$").split("$");
  if (scheme !== "scrypt" || !saltB64 || keyB64 === undefined) return false;
  const key = await scrypt(password, Buffer.from(saltB64, "base64"));
  const expected = Buffer.from(keyB64, "base64");
  return expected.length === key.length && timingSafeEqual(expected, key) && stored !== null;
}
