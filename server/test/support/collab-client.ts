/**
 * A stock y-websocket WebsocketProvider in Node, carrying a session cookie — exactly what any
 * other tool would use to talk to /collab.
 */
import { WebsocketProvider } from "y-websocket";
import WebSocket from "ws";
import * as Y from "yjs";
import { waitFor } from "./wait-for.js";

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text(): string;
  destroy(): void;
}

export function cookieWebSocket(cookie: string | null): typeof globalThis.WebSocket {
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return CookieWebSocket as unknown as typeof globalThis.WebSocket;
}

/** Open a raw websocket to /collab/:id and resolve with the HTTP status of a refused upgrade, or "open". */
export function upgradeStatus(baseUrl: string, documentId: string, cookie?: string, headers: Record<string, string> = {}): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${baseUrl.replace("http", "ws")}/collab/${documentId}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("open", () => {
      resolve("open");
      ws.close();
    });
    ws.on("error", () => {});
  });
}

/** The rich-text fragment the editor binds to, flattened to text for assertions. */
export function fragmentText(doc: Y.Doc): string {
  return doc.getXmlFragment("default").toString().replace(/<[^>]+>/g, "");
}

export async function connectCollab(
  baseUrl: string,
  documentId: string,
  cookie: string | null,
  params: Record<string, string> = {},
  syncTimeoutMs = 5000,
): Promise<CollabClient> {
  return connectAt(`${baseUrl.replace(/^http/, "ws")}/collab`, documentId, cookie, { params, syncTimeoutMs });
}

/** The same, given where the collab endpoint is (ws://…/collab) rather than the server's address. */
export async function connectAt(
  wsBase: string,
  documentId: string,
  cookie: string | null,
  { params = {}, syncTimeoutMs = 5000 }: { params?: Record<string, string>; syncTimeoutMs?: number } = {},
): Promise<CollabClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase, documentId, doc, { WebSocketPolyfill: cookieWebSocket(cookie), disableBc: true, params });
  await waitFor(() => provider.synced, { timeoutMs: syncTimeoutMs, what: `sync of ${documentId}` });
  return {
    doc,
    provider,
    text: () => fragmentText(doc),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Type at the end of the first paragraph of the document, as an editor would. */
export function typeInto(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment("default");
  doc.transact(() => {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [p]);
  });
}
