import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { collabParams, collabServerUrl } from "./collab-address";
import { earlyCollabGlobal, earlyCollabScript, giveUpAfterMs } from "./early-collab-script";
import { AdoptedSocket, takeEarlySocket } from "./early-collab-socket";

const documentId = "3399d415-d897-40f5-b990-ac0b54c39bec";

/** Enough of a browser WebSocket to watch what the page's script and the app do with it. */
class FakeSocket {
  static instances: FakeSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = "blob";
  sent: Uint8Array[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  receive(bytes: number[]) {
    this.onmessage?.(new MessageEvent("message", { data: new Uint8Array(bytes).buffer }));
  }
}

/** Runs the page's script as a browser would at `pathname`, with fake timers it can be asked about. */
function runScript(pathname: string) {
  FakeSocket.instances = [];
  const scope: Record<string, unknown> = {};
  const timers: { fn: () => void; ms: number }[] = [];
  const location = { pathname, protocol: "https:", host: "roundtable.example" };
  new Function("window", "location", "WebSocket", "setTimeout", earlyCollabScript())(scope, location, FakeSocket, (fn: () => void, ms: number) =>
    timers.push({ fn, ms }),
  );
  return { scope, timers, socket: FakeSocket.instances[0] };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the page's early collab connection", () => {
  it("opens the address the app's provider would open, and first asks for the whole document", () => {
    const { scope, socket } = runScript(`/documents/${documentId}`);
    // The same address y-websocket builds from the app's options (collab-session.ts).
    const provider = new WebsocketProvider(collabServerUrl({ protocol: "https:", host: "roundtable.example" }), documentId, new Y.Doc(), {
      connect: false,
      params: collabParams,
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    });
    expect(socket?.url).toBe(provider.url);
    provider.destroy();
    expect(socket?.binaryType).toBe("arraybuffer");
    expect(scope[earlyCollabGlobal]).toBeDefined();

    socket!.open();
    const expected = encoding.createEncoder();
    encoding.writeVarUint(expected, 0); // y-websocket's messageSync
    syncProtocol.writeSyncStep1(expected, new Y.Doc());
    expect([...socket!.sent[0]!]).toEqual([...encoding.toUint8Array(expected)]);
  });

  it("opens nothing at any other address", () => {
    for (const pathname of ["/", "/signin", `/documents/${documentId}/versions`, "/documents/not-an-id", `/meetings/${documentId}`]) {
      const { scope, socket } = runScript(pathname);
      expect(socket, pathname).toBeUndefined();
      expect(scope[earlyCollabGlobal], pathname).toBeUndefined();
    }
  });

  it("closes the socket if the app has not taken it in time", () => {
    const { scope, socket, timers } = runScript(`/documents/${documentId}`);
    expect(timers.map((t) => t.ms)).toEqual([giveUpAfterMs]);
    timers[0]!.fn();
    expect(socket!.readyState).toBe(3);
    expect(scope[earlyCollabGlobal]).toBeUndefined();
  });
});

describe("the app taking the early connection over", () => {
  const url = `wss://roundtable.example/collab/${documentId}?persisted=1`;

  it("is taken once, for its own address only", () => {
    const { scope } = runScript(`/documents/${documentId}`);
    expect(takeEarlySocket(`wss://roundtable.example/collab/${crypto.randomUUID()}?persisted=1`, scope)).toBeNull();
    // A socket for another document is closed, not kept, and not offered again.
    expect(FakeSocket.instances[0]!.readyState).toBe(3);
    expect(takeEarlySocket(url, scope)).toBeNull();

    const again = runScript(`/documents/${documentId}`);
    expect(takeEarlySocket(url, again.scope)).toBeInstanceOf(AdoptedSocket);
    expect(takeEarlySocket(url, again.scope)).toBeNull();
  });

  it("is not taken once it has closed (refused, or the network went)", () => {
    const { scope, socket } = runScript(`/documents/${documentId}`);
    socket!.close();
    expect(takeEarlySocket(url, scope)).toBeNull();
  });

  it("hands over what arrived first, in order, then open, then what arrives later", async () => {
    const { scope, socket } = runScript(`/documents/${documentId}`);
    socket!.open();
    socket!.receive([1]);
    socket!.receive([2]);
    const adopted = takeEarlySocket(url, scope)!;
    const seen: string[] = [];
    adopted.onmessage = (event) => seen.push(`message ${new Uint8Array(event.data as ArrayBuffer)[0]}`);
    adopted.onopen = () => seen.push("open");
    // Arriving after the take but before the hand-over: kept behind the earlier ones.
    socket!.receive([3]);
    expect(seen).toEqual([]);
    await nextTask();
    socket!.receive([4]);
    expect(seen).toEqual(["message 1", "message 2", "message 3", "open", "message 4"]);
    expect(adopted.readyState).toBe(adopted.OPEN);
    adopted.send(new Uint8Array([9]));
    expect([...socket!.sent.at(-1)!]).toEqual([9]);
  });

  it("still connecting when taken: the socket's own open reaches the app, and the page's first message is not sent", async () => {
    const { scope, socket } = runScript(`/documents/${documentId}`);
    const adopted = takeEarlySocket(url, scope)!;
    const seen: string[] = [];
    adopted.onopen = () => seen.push("open");
    await nextTask();
    expect(seen).toEqual([]);
    socket!.open();
    expect(seen).toEqual(["open"]);
    // The provider sends its own sync step 1 on open; the page's script sends nothing more.
    expect(socket!.sent).toEqual([]);
  });
});
