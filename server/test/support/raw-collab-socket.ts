/**
 * A bare websocket to /collab/:id for tests that send frames a stock client never would: a
 * runaway document, a deeply nested update. It reports how the server closed it.
 */
import { messageSync } from "@roundtable/collab";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";

export interface RawCollabSocket {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
  isOpen(): boolean;
  /** How many messages the server has sent it (a room sends sync step 1 as soon as it is joined). */
  received(): number;
  /** Send a document update as a y-websocket sync message. */
  sendUpdate(update: Uint8Array): void;
}

export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, messageSync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export async function openRawCollabSocket(baseUrl: string, documentId: string, cookie: string): Promise<RawCollabSocket> {
  const ws = new WebSocket(`${baseUrl.replace("http", "ws")}/collab/${documentId}`, { headers: { cookie } });
  ws.on("error", () => {});
  let received = 0;
  ws.on("message", () => received++);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  return {
    ws,
    closed,
    isOpen: () => ws.readyState === WebSocket.OPEN,
    received: () => received,
    sendUpdate: (update) => ws.send(syncUpdateMessage(update)),
  };
}
