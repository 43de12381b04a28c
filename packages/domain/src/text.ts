/**
 * Text people send us, as every request schema accepts it: any string Postgres can store as it
 * was typed. Postgres `text` cannot hold the NUL character (U+0000) — saving one fails — and a
 * lone half of a UTF-16 surrogate pair would be silently changed into "�" on the way to UTF-8.
 * Neither can be typed; they arrive by pasting from odd sources or on purpose, and are refused
 * here, at the edge, with a message a person can act on, rather than failing in the database.
 */
import { z } from "zod";

/** NUL, or a surrogate that is not part of a pair (with the `u` flag a proper pair is one code point). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is what this is for.
const unstorable = /[\u0000\p{Cs}]/u;

export const unstorableTextMessage =
  "This has an invisible character in it that Roundtable cannot save. Try typing it again rather than pasting it.";

/** Whether Postgres can store this string exactly as it is. */
export const isStorableText = (value: string) => !unstorable.test(value);

/**
 * Text read out of a shared document (an action's words, tracked in Postgres): whatever a client
 * wrote there, without the characters Postgres cannot store. Dropped rather than refused,
 * because the document itself is not ours to refuse here: refusing would fail projection of that
 * document on every later change.
 */
export const storableText = (value: string) => value.replace(new RegExp(unstorable.source, "gu"), "");

/**
 * A text field of a request: `z.string()` that refuses what Postgres cannot store. Use it for
 * every string a request carries (then chain .trim(), .min(), .max() as with z.string()).
 */
export const textField = (params?: Parameters<typeof z.string>[0]) =>
  z.string(params).refine(isStorableText, { error: unstorableTextMessage, abort: true });

/** An optional text field: blank is left out, as if it had not been sent. */
export const optionalTextField = (max: number, message: string) =>
  textField()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value === "" ? undefined : value));
