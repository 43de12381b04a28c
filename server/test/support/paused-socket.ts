/**
 * A websocket client written by hand on a raw TCP socket, so a test can stop reading (pause the
 * socket) while still writing frames: what a client that never reads looks like to the server,
 * whose buffer for it then grows. Frames are masked, as a client's must be.
 */
import { connect, type Socket } from "node:net";

/** A masked websocket frame (binary, or text with opcode 0x1), ready to write onto the TCP socket. */
export function maskedFrame(payload: Uint8Array, opcode = 0x2): Buffer {
  const length = payload.length;
  const first = 0x80 | opcode;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, 0x80 | length]);
  else if (length < 65_536) header = Buffer.from([first, 0x80 | 126, length >> 8, length & 0xff]);
  else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = Buffer.from([1, 2, 3, 4]);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= mask[i % 4]!;
  return Buffer.concat([header, mask, body]);
}

export interface RawWebSocket {
  socket: Socket;
  /** Write one binary frame; false once the socket is gone. */
  send(payload: Uint8Array): boolean;
  /** Write one text frame; false once the socket is gone. */
  sendText(text: string): boolean;
  /** Everything received so far, as latin1 text (frame headers included). */
  received(): string;
  /** Stop reading: everything the server sends now waits in the kernel, then in the server. */
  pause(): void;
  /** Read again, and resolve once the server has closed the connection. */
  resumeUntilClosed(): Promise<void>;
  destroy(): void;
}

/** Upgrade `/collab/:documentId` by hand; resolves once the server has switched protocols. */
export function openRawCollabSocket(port: number, documentId: string, cookie: string): Promise<RawWebSocket> {
  return openRawWebSocket(port, `/collab/${documentId}`, cookie);
}

/** Upgrade any path (e.g. socket.io's) by hand; resolves once the server has switched protocols. */
export function openRawWebSocket(port: number, requestPath: string, cookie: string): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let closed = false;
    let answer = "";
    socket.on("error", () => {}); // a reset from a server that gave up on us is expected
    socket.on("close", () => (closed = true));
    const onData = (d: Buffer) => {
      answer += d.toString("latin1");
      if (!answer.includes("\r\n\r\n")) return;
      socket.off("data", onData);
      if (!answer.startsWith("HTTP/1.1 101")) return reject(new Error(`upgrade refused: ${answer.split("\r\n")[0]}`));
      // Flowing: read what the server sends (keeping only the start of it), until paused.
      let received = answer.slice(answer.indexOf("\r\n\r\n") + 4);
      socket.on("data", (d: Buffer) => {
        if (received.length < 65_536) received += d.toString("latin1");
      });
      const write = (frame: Buffer) => !closed && !socket.destroyed && socket.write(frame);
      resolve({
        socket,
        send: (payload) => write(maskedFrame(payload)),
        sendText: (text) => write(maskedFrame(Buffer.from(text), 0x1)),
        received: () => received,
        pause: () => socket.pause(),
        resumeUntilClosed: () =>
          new Promise<void>((done) => {
            if (closed) return done();
            socket.once("close", () => done());
            socket.resume();
          }),
        destroy: () => socket.destroy(),
      });
    };
    socket.on("data", onData);
    socket.write(
      `GET ${requestPath} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nCookie: ${cookie}\r\n\r\n`,
    );
  });
}
