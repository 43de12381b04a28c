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
  removed: boolean;
}

export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = readVarUint(decoder);
    const clock = readVarUint(decoder);
    const json = readVarString(decoder);
    let state: unknown;
    try {
      state = JSON.parse(json);
      JSON.stringify(state);
    } catch {
      throw new ProtocolError(closeCodes.malformed, "Malformed awareness state");
    }
    entries.push({ clientId, clock, json, removed: state === null });
  }
  return entries;
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
