/**
 * Stock y-websocket clients typing into one document while a scenario breaks things, keeping
 * score of what each was told. An edit counts as acknowledged once the server has sent it to
 * another client (the observer has it) or confirmed it saved to its author (a persisted
 * acknowledgement covers it), whichever comes first. Clocks stand for edits: each edit is one
 * character, so a typist's clock is the number of edits it has made.
 */
import { messagePersisted, messageSaving, savingStates } from "@roundtable/collab";
import { openDatabase } from "@roundtable/db";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { PostgresDocumentStorage } from "../../src/collab/postgres-document-storage.js";
import { connectCollab, type CollabClient } from "../../test/support/collab-client.js";

export interface Told {
  at: number;
  what: "not saving" | "saving" | "closed";
  code?: number;
  reason?: string;
}

export interface Typist {
  name: string;
  client: CollabClient;
  /** Edits made so far (also this client's Yjs clock). */
  typed: number;
  /** The highest clock of this typist's edits acknowledged so far. */
  acknowledged: number;
  /** The highest clock the server confirmed saved to this typist. */
  persisted: number;
  told: Told[];
}

export interface TypingSession {
  typists: Typist[];
  observer: CollabClient;
  /**
   * Type `perSecond` one-character edits a second in each typist until stopped, catching up
   * after a stall of this (busy) test process but never faster than `maxPerSecond`, the
   * server's per-connection limit with a margin: a person cannot type faster.
   */
  start(perSecond: number, maxPerSecond?: number): void;
  stop(): void;
  /** Stop every client from reconnecting (end of scenario). */
  destroy(): void;
}

export async function openTypingSession(url: string, documentId: string, typistCookies: { name: string; cookie: string }[], observerCookie: string): Promise<TypingSession> {
  const observer = await connectCollab(url, documentId, observerCookie);
  const typists: Typist[] = [];
  for (const { name, cookie } of typistCookies) {
    const client = await connectCollab(url, documentId, cookie, { persisted: "1" });
    const typist: Typist = { name, client, typed: 0, acknowledged: 0, persisted: 0, told: [] };
    const clientId = client.doc.clientID;
    client.provider.messageHandlers[messagePersisted] = (_enc, decoder) => {
      const clock = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(clientId) ?? 0;
      typist.persisted = Math.max(typist.persisted, clock);
      typist.acknowledged = Math.max(typist.acknowledged, clock);
    };
    client.provider.messageHandlers[messageSaving] = (_enc, decoder) => {
      const saving = decoding.readVarUint(decoder) === savingStates.saving;
      typist.told.push({ at: Date.now(), what: saving ? "saving" : "not saving" });
    };
    client.provider.on("connection-close", (event: { code: number; reason: string } | null) => {
      if (event) typist.told.push({ at: Date.now(), what: "closed", code: event.code, reason: event.reason });
    });
    observer.doc.on("update", () => {
      typist.acknowledged = Math.max(typist.acknowledged, Y.getState(observer.doc.store, clientId));
    });
    typists.push(typist);
  }
  // Each typist types into a paragraph of its own: appending to a text is cheap in Yjs.
  const texts = typists.map((t) => {
    const text = new Y.XmlText();
    t.client.doc.transact(() => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [text]);
      const fragment = t.client.doc.getXmlFragment("default");
      fragment.insert(fragment.length, [paragraph]);
    });
    t.typed = Y.getState(t.client.doc.store, t.client.doc.clientID);
    return text;
  });

  let timer: NodeJS.Timeout | null = null;
  return {
    typists,
    observer,
    start(perSecond, maxPerSecond = 180) {
      const catchUpPerSecond = Math.min(perSecond * 1.5, maxPerSecond);
      let last = Date.now();
      const owed = typists.map(() => 0);
      const allowance = typists.map(() => 0);
      timer = setInterval(() => {
        const now = Date.now();
        const seconds = (now - last) / 1000;
        last = now;
        typists.forEach((t, i) => {
          owed[i]! += seconds * perSecond;
          allowance[i] = Math.min(allowance[i]! + seconds * catchUpPerSecond, 100);
          // One transaction per character: one update each, as a person typing sends.
          while (owed[i]! >= 1 && allowance[i]! >= 1) {
            texts[i]!.insert(texts[i]!.length, "abcdefghijklmnopqrstuvwxyz"[t.typed % 26]!);
            t.typed = Y.getState(t.client.doc.store, t.client.doc.clientID);
            owed[i]! -= 1;
            allowance[i]! -= 1;
          }
        });
      }, 20);
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    destroy() {
      if (timer) clearInterval(timer);
      for (const t of typists) t.client.destroy();
      observer.destroy();
    },
  };
}

/** Each client's clock in the document as stored in the database: what a fresh load would show. */
export async function storedClocks(databaseUrl: string, documentId: string): Promise<Map<number, number>> {
  const database = await openDatabase({ url: databaseUrl });
  try {
    const { updates } = await new PostgresDocumentStorage(database.db).load(documentId);
    const doc = new Y.Doc();
    for (const update of updates) Y.applyUpdate(doc, update);
    const clocks = Y.decodeStateVector(Y.encodeStateVector(doc));
    doc.destroy();
    return clocks;
  } finally {
    await database.close();
  }
}

/** Acknowledged edits the database does not have, per typist (all zero is the goal). */
export function missingAcknowledged(typists: readonly Typist[], stored: Map<number, number>, acknowledged = typists.map((t) => t.acknowledged)): Record<string, number> {
  return Object.fromEntries(typists.map((t, i) => [t.name, Math.max(0, acknowledged[i]! - (stored.get(t.client.doc.clientID) ?? 0))]));
}
