/**
 * The app's side of the early collab connection (early-collab-script.ts, docs/adr/0031): the
 * WebSocket class given to y-websocket's provider. Asked for the address the page's script
 * already opened, it hands over that socket, once, with what has arrived on it; asked for
 * anything else (another document, a reconnection), it opens a new WebSocket as usual.
 */
import { earlyCollabGlobal, type EarlyCollab } from "./early-collab-script";

type Handler<E extends Event> = ((event: E) => void) | null;

/**
 * The early socket behind the interface y-websocket uses. What arrived before the provider was
 * listening is given to it first, in order, then `open` if the socket is already open (the
 * page's script has sent its first message, so the provider's own sync step 1 now only asks
 * for what that answer lacked), then everything else as it comes.
 */
export class AdoptedSocket {
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  /** "arraybuffer" already (the page's script set it), as y-websocket asks; passed on if changed. */
  get binaryType(): BinaryType {
    return this.socket.binaryType;
  }

  set binaryType(type: BinaryType) {
    this.socket.binaryType = type;
  }
  onopen: Handler<Event> = null;
  onmessage: Handler<MessageEvent> = null;
  onclose: Handler<CloseEvent> = null;
  onerror: Handler<Event> = null;

  constructor(
    private readonly socket: WebSocket,
    arrived: readonly MessageEvent[],
  ) {
    const openAlready = socket.readyState === socket.OPEN;
    let waiting: MessageEvent[] | null = [...arrived];
    socket.onmessage = (event) => (waiting ? waiting.push(event) : this.onmessage?.(event));
    socket.onopen = (event) => this.onopen?.(event);
    socket.onclose = (event) => this.onclose?.(event);
    socket.onerror = (event) => this.onerror?.(event);
    // The provider sets its handlers just after making its socket: hand over on the next task.
    // One message that fails to apply must not keep back the rest, or `open`: the provider would
    // wait for ever, never connected, on a socket the server keeps alive.
    setTimeout(() => {
      const held = waiting ?? [];
      waiting = null;
      for (const event of held) handOver(() => this.onmessage?.(event));
      if (openAlready) handOver(() => this.onopen?.(new Event("open")));
    }, 0);
  }

  get url(): string {
    return this.socket.url;
  }

  get readyState(): number {
    return this.socket.readyState;
  }

  send(data: ArrayBufferLike | ArrayBufferView | Blob | string): void {
    this.socket.send(data);
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }
}

/** Reports an error as an uncaught one would be, without stopping what follows. */
function report(error: unknown): void {
  if (typeof reportError === "function") reportError(error);
  else console.error(error);
}

/** Runs a handler, reporting what it throws, and goes on. */
function handOver(deliver: () => void): void {
  try {
    deliver();
  } catch (error) {
    report(error);
  }
}

function sameAddress(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/** The early connection to `url`, if the page opened one and it is still usable; taken once. */
export function takeEarlySocket(url: string, scope: Record<string, unknown> = window as unknown as Record<string, unknown>): AdoptedSocket | null {
  const early = scope[earlyCollabGlobal] as Partial<EarlyCollab> | undefined;
  if (!early) return null;
  delete scope[earlyCollabGlobal];
  const { socket, messages } = early;
  // Only what the page's own script leaves there; anything else is ignored.
  if (typeof WebSocket === "function" && !(socket instanceof WebSocket)) return null;
  if (!socket || !Array.isArray(messages)) return null;
  const usable = socket.readyState === socket.CONNECTING || socket.readyState === socket.OPEN;
  if (usable && sameAddress(socket.url, url)) return new AdoptedSocket(socket, messages);
  socket.close();
  return null;
}

/**
 * For y-websocket's `WebSocketPolyfill`: `new CollabWebSocket(url)` is the early socket when
 * there is one for `url` (a constructor may return another object), else a new WebSocket.
 */
export const CollabWebSocket = function CollabWebSocket(url: string, protocols?: string | string[]) {
  let early: AdoptedSocket | null = null;
  try {
    early = takeEarlySocket(url);
  } catch (error) {
    report(error); // never in the way of connecting
  }
  return early ?? new WebSocket(url, protocols);
} as unknown as typeof WebSocket;
