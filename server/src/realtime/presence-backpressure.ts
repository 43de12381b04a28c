/**
 * Backpressure for socket.io: a client that stops reading is disconnected once more than a limit
 * waits to be sent to it, instead of the server holding everything meant for it. socket.io has
 * no such limit of its own: engine.io keeps packets in its write buffer while the transport is
 * busy (a websocket waits for each write to reach the kernel; long-polling waits for the next
 * poll), so that buffer is what grows. Its public `packetCreate` and `flush` events say what
 * enters and leaves it. The client sees its transport close and reconnects on its own.
 */
import type { Socket } from "socket.io";

type EngineSocket = Socket["conn"];

function sizeOf(data: unknown): number {
  if (typeof data === "string") return Buffer.byteLength(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/** Close `conn` (its transport, at once) when more than `maxBytes` is waiting to be sent to it. */
export function closeWhenFallingBehind(conn: EngineSocket, maxBytes: number, onClose: (waitingBytes: number) => void): void {
  let waiting = 0;
  let closing = false;
  conn.on("packetCreate", (packet: { data?: unknown }) => {
    waiting += sizeOf(packet.data);
    if (waiting <= maxBytes || closing) return;
    closing = true;
    onClose(waiting);
    // Not in the middle of socket.io's broadcast that is sending this packet: just after it.
    // Discarding the transport drops what waits; nothing is lost, the client re-reads on reconnect.
    setImmediate(() => conn.close(true));
  });
  conn.on("flush", () => {
    waiting = 0;
  });
}
