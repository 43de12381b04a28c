/**
 * Reading a client's frame: lib0's decoders, except that running off the end of the frame (or
 * a varint too big to be a number) is a ProtocolError that closes only that connection.
 */
import * as decoding from "lib0/decoding";
import { closeCodes, ProtocolError } from "./protocol.js";

function truncated(): ProtocolError {
  return new ProtocolError(closeCodes.malformed, "Truncated message");
}

export function readVarUint(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw truncated();
  }
}

export function readVarUint8Array(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw truncated();
  }
}

export function readVarString(decoder: decoding.Decoder): string {
  try {
    return decoding.readVarString(decoder);
  } catch {
    throw truncated();
  }
}
