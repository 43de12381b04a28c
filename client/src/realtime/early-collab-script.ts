/**
 * The page opened at a document's address starts its collab connection before the app has
 * arrived (docs/adr/0031). On a slow phone the app's scripts take seconds on the wire; the
 * websocket's handshake and the document's first sync need two round trips of their own, and
 * were only begun once the app had run. This small script, put inline in index.html's head by
 * the build (client/build/first-paint.ts) and allowed by its hash in the server's
 * Content-Security-Policy, opens the same connection the app would open, asks for the document
 * as an empty copy would (sync step 1 with an empty state vector), and keeps what arrives until
 * the app takes the socket over (early-collab-socket.ts). Not taken within `giveUpAfterMs`, it is
 * closed.
 *
 * It imports nothing, so the build can read it; early-collab.test.ts holds its address
 * and its first message to what the app's provider would use.
 */

/** Where the page leaves the early connection for the app to take. */
export const earlyCollabGlobal = "__roundtableEarlyCollab";

/** y-protocols' sync step 1 from a document with nothing in it: message type sync (0), step 1
 * (0), then the state vector as a one-byte array holding "no clients" (length 1, value 0). */
export const emptySyncStep1 = [0, 0, 1, 0] as const;

export const giveUpAfterMs = 30_000;

/** The left-over socket's shape, as the script leaves it on `window`. */
export interface EarlyCollab {
  socket: WebSocket;
  /** What arrived before the app took the socket, in order. */
  messages: MessageEvent[];
}

/** The script's text: plain ES5, run as the page's HTML is read. */
export function earlyCollabScript(): string {
  return `(function () {
  var match = /^\\/documents\\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(location.pathname);
  if (!match || typeof WebSocket !== "function") return;
  var socket;
  try {
    socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/collab/" + match[1] + "?persisted=1");
  } catch (e) {
    return;
  }
  var early = { socket: socket, messages: [] };
  socket.binaryType = "arraybuffer";
  socket.onopen = function () { socket.send(new Uint8Array([${emptySyncStep1.join(", ")}])); };
  socket.onmessage = function (event) { early.messages.push(event); };
  window.${earlyCollabGlobal} = early;
  setTimeout(function () {
    if (window.${earlyCollabGlobal} !== early) return;
    delete window.${earlyCollabGlobal};
    socket.close();
  }, ${giveUpAfterMs});
})();`;
}
