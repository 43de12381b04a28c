/**
 * An awareness (presence) update taken apart into its entries, checked, and put back together,
 * so the room can keep only the entries a connection may send. An entry's state is JSON: it must
 * parse, and it must also turn back into JSON, because the room re-encodes every state it relays
 * (deeply nested arrays parse fine but overflow the stack in JSON.stringify).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { readVarString, readVarUint } from "./frame-reader.js";
import { closeCodes, ProtocolError } from "./protocol.js";

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text; "null" means the client has gone. */
  json: string;
  /** Its size as sent (UTF-8 bytes). */
  bytes: number;
  removed: boolean;
}

/** Who a presence belongs to, as the server knows it: the name and colour on their caret. */
export interface PresenceUser {
  name: string;
  color: string;
}

export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(decoder);
    const clock = readVarUint(decoder);
    // A string is its UTF-8 length, then its bytes.
    const start = decoder.pos;
    const bytes = readVarUint(decoder);
    decoder.pos = start;
    const json = readVarString(decoder);
    let state: unknown;
    try {
      state = JSON.parse(json);
      JSON.stringify(state);
    } catch {
      throw new ProtocolError(closeCodes.malformed, "Malformed awareness state");
    }
    entries.push({ clientId, clock, json, bytes, removed: state === null });
  }
  return entries;
}

/**
 * The entry with its `user` (the name and colour other people's editors draw on the caret) set
 * to who the server knows sent it, whatever the client wrote there: nobody can label their caret
 * with someone else's name. A state that is not an object carries no label, and is left alone.
 */
export function withUser(entry: AwarenessEntry, user: PresenceUser): AwarenessEntry {
  if (entry.removed) return entry;
  const state: unknown = JSON.parse(entry.json);
  if (typeof state !== "object" || state === null || Array.isArray(state)) return entry;
  return { ...entry, json: JSON.stringify({ ...state, user }) };
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
