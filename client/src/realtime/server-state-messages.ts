/**
 * Reads the two things the server says about what it has stored, without changing how the
 * provider handles its messages:
 * - sync step 1 (standard): the server's state vector when a connection starts;
 * - `messagePersisted` (ours): the state vector of everything durably in the update log;
 * - `messageSaving` (ours): whether the server can save edits just now.
 * The message types are the wire contract in packages/domain (`wire/collab-protocol.ts`).
 */
import { messagePersisted, messageSaving, messageSync, savingStates } from "@roundtable/domain";
import * as decoding from "lib0/decoding";
import * as syncProtocol from "y-protocols/sync";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export interface ServerStateListener {
  onServerState(stateVector: Map<number, number>): void;
  onPersisted(stateVector: Map<number, number>): void;
  onSaving(saving: boolean): void;
}

function readStateVector(decoder: decoding.Decoder): Map<number, number> | null {
  try {
    return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  } catch {
    return null; // a malformed acknowledgement must not break editing; the next one will do
  }
}

export function listenToServerState(provider: WebsocketProvider, listener: ServerStateListener): void {
  provider.messageHandlers[messagePersisted] = (_encoder, decoder) => {
    const persisted = readStateVector(decoder);
    if (persisted) listener.onPersisted(persisted);
  };

  provider.messageHandlers[messageSaving] = (_encoder, decoder) => {
    try {
      listener.onSaving(decoding.readVarUint(decoder) !== savingStates.notSaving);
    } catch {
      // malformed: keep what we knew
    }
  };

  const standardSync = provider.messageHandlers[messageSync];
  if (!standardSync) throw new Error("y-websocket has no sync message handler");
  provider.messageHandlers[messageSync] = (encoder, decoder, from, emitSynced, messageType) => {
    // `emitSynced` is false for messages from other tabs (BroadcastChannel): only the server counts.
    if (emitSynced) {
      const peek = decoding.clone(decoder);
      try {
        if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep1) {
          const serverState = readStateVector(peek);
          if (serverState) listener.onServerState(serverState);
        }
      } catch {
        // Leave malformed frames to the standard handler.
      }
    }
    standardSync(encoder, decoder, from, emitSynced, messageType);
  };
}
