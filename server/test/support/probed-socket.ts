/**
 * A raw websocket to /collab/:id that sends one frame at a time and then a ping. The server
 * reads frames in order and answers a ping only while the connection is open, so a pong means
 * "the frame was handled and the connection stayed open", and a close means the frame closed it.
 */
import WebSocket from "ws";

export type Outcome = { closed: false } | { closed: true; code: number; reason: string };

export class ProbedSocket {
  private pending: ((outcome: Outcome) => void) | null = null;
  private closedWith: Outcome | null = null;

  private constructor(private readonly ws: WebSocket) {
    ws.on("pong", () => this.settle({ closed: false }));
    ws.on("close", (code, reason) => {
      this.closedWith = { closed: true, code, reason: reason.toString() };
      this.settle(this.closedWith);
    });
    ws.on("error", () => {});
  }

  static open(url: string, cookie: string): Promise<ProbedSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { cookie } });
      ws.once("open", () => resolve(new ProbedSocket(ws)));
      ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
      ws.once("error", reject);
    });
  }

  get isOpen(): boolean {
    return this.closedWith === null && this.ws.readyState === WebSocket.OPEN;
  }

  /** Send the frame and a ping; resolves once the pong (still open) or the close arrives. */
  send(data: Uint8Array | string): Promise<Outcome> {
    if (this.closedWith) return Promise.resolve(this.closedWith);
    return new Promise((resolve) => {
      this.pending = resolve;
      this.ws.send(data, { binary: typeof data !== "string" });
      this.ws.ping();
    });
  }

  close(): void {
    this.ws.terminate();
  }

  private settle(outcome: Outcome): void {
    const resolve = this.pending;
    this.pending = null;
    resolve?.(outcome);
  }
}
