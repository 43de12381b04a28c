/**
 * The y-websocket wire protocol as the room speaks it. Message types and close codes are the
 * wire contract in packages/domain (`wire/collab-protocol.ts`), which the browser imports too;
 * they are re-exported here so the room and its callers keep one import.
 */
import type { CloseCode } from "@roundtable/domain";

export {
  askForPersisted,
  closeCodes,
  messageAuth,
  messageAwareness,
  messagePersisted,
  messageQueryAwareness,
  messageSaving,
  messageSync,
  savingStates,
  type CloseCode,
} from "@roundtable/domain";

/** A frame that breaks the protocol. The connection that sent it is closed with this code and reason. */
export class ProtocolError extends Error {
  constructor(
    readonly closeCode: CloseCode,
    message: string,
  ) {
    super(message);
    this.name = "ProtocolError";
  }
}
