import * as encoding from "lib0/encoding";
import { describe, expect, it, vi } from "vitest";
import { WebsocketProvider } from "y-websocket";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { collabParams, collabServerUrl } from "./collab-address";
import { earlyCollabGlobal, earlyCollabScript, giveUpAfterMs } from "./early-collab-script";
import { AdoptedSocket, CollabWebSocket, takeEarlySocket } from "./early-collab-socket";

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
  receive(bytes: number[] | Uint8Array) {
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

  /** The early socket, opened, with messages [1] and [2] arrived, then taken by the app. */
  const takenAfterTwoMessages = () => {
    const { scope, socket } = runScript(`/documents/${documentId}`);
    socket!.open();
    socket!.receive([1]);
    socket!.receive([2]);
    return { socket, adopted: takeEarlySocket(url, scope)! };
  };

  it("hands over what arrived first, in order, then open, then what arrives later", async () => {
    const { socket, adopted } = takenAfterTwoMessages();
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

  it("goes on handing over when one message fails to apply, so the provider is not left waiting", async () => {
    const { adopted } = takenAfterTwoMessages();
    const seen: string[] = [];
    adopted.onmessage = (event) => {
      const n = new Uint8Array(event.data as ArrayBuffer)[0];
      if (n === 1) throw new Error("a message that will not apply");
      seen.push(`message ${n}`);
    };
    adopted.onopen = () => seen.push("open");
    const reported = vi.spyOn(console, "error").mockImplementation(() => {});
    await nextTask();
    expect(seen).toEqual(["message 2", "open"]);
    expect(reported).toHaveBeenCalledOnce();
    reported.mockRestore();
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

describe("a real y-websocket provider taking the early connection over", () => {
  const sync = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // messageSync
    write(encoder);
    return encoding.toUint8Array(encoder);
  };
  const globals = globalThis as unknown as Record<string, unknown>;

  it("is synced with the document that arrived before the app, answers the server, and later reconnects on a new socket", async () => {
    const server = new Y.Doc();
    server.getText("t").insert(0, "Jamie's plan");
    const { scope, socket } = runScript(`/documents/${documentId}`);
    socket!.open();
    // What the server sends: its own sync step 1, and the whole document for the page's empty one.
    socket!.receive(sync((e) => syncProtocol.writeSyncStep1(e, server)));
    socket!.receive(sync((e) => syncProtocol.writeSyncStep2(e, server, Y.encodeStateVector(new Y.Doc()))));
    const saved = { window: globals.window, WebSocket: globals.WebSocket };
    globals.window = scope;
    globals.WebSocket = FakeSocket;
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(collabServerUrl({ protocol: "https:", host: "roundtable.example" }), documentId, doc, {
      params: collabParams,
      WebSocketPolyfill: CollabWebSocket,
    });
    try {
      await nextTask();
      expect(doc.getText("t").toString()).toBe("Jamie's plan");
      expect(provider.synced).toBe(true);
      expect(provider.wsconnected).toBe(true);
      expect(FakeSocket.instances).toHaveLength(1);
      // After the page's own first message: the reply to the server's step 1, then the provider's own step 1.
      const sent = socket!.sent.slice(1).map((bytes) => [bytes[0], bytes[1]]);
      expect(sent).toContainEqual([0, 1]);
      expect(sent).toContainEqual([0, 0]);

      // The connection drops: the provider connects again on a socket of its own.
      socket!.readyState = 3;
      socket!.onclose?.(Object.assign(new Event("close"), { code: 1006, reason: "" }));
      expect(provider.wsconnected).toBe(false);
      await expect.poll(() => FakeSocket.instances.length, { timeout: 3000 }).toBe(2);
      expect(FakeSocket.instances[1]!.url).toBe(socket!.url);
    } finally {
      provider.destroy();
      globals.window = saved.window;
      globals.WebSocket = saved.WebSocket;
    }
  });
});
