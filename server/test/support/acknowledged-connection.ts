/**
 * A room connection in memory that asked for acknowledgements (`?persisted=1`), and records
 * what it is told: each `messagePersisted` state vector, each `messageSaving`, and its close.
 */
import { messagePersisted, messageSaving, savingStates, type CollabConnection } from "@roundtable/collab";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";

export class AcknowledgedConnection implements CollabConnection {
  readonly displayName = "Priya Shah";
  readonly canEdit = true;
  readonly wantsPersistedAcks = true;
  readonly persisted: Map<number, number>[] = [];
  readonly saving: boolean[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(readonly personId: string) {}

  send(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === messagePersisted) this.persisted.push(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
    if (type === messageSaving) this.saving.push(decoding.readVarUint(decoder) === savingStates.saving);
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}
