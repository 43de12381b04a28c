/**
 * What the collab benchmark's clients do to a document, by its kind: how each client makes its
 * own place to edit once it has synced, what one edit is, and how a receiver recognises someone
 * else's edit to time it. Every client runs in the benchmark's process, so the moment each edit
 * was made is kept in a map they all share, keyed by something the receivers can read off the
 * change they get.
 *
 * - care-plan: each client types a letter into a paragraph of its own; an edit is named by its
 *   author's clock before it, read from the receiving transaction's state vectors.
 * - network-map: each client adds a person of its own to the map, then moves them; the x of a move
 *   is its number for that person, so a receiver reads which move it got off the node's position.
 *   A receiver sees only where a node ends up in each transaction: moves that reach it together
 *   (as a reconnect's catching up would bring them) count as one delivered, the rest as missing.
 */
import { addMapNode, mapNodesOf, moveMapNode } from "@roundtable/collab";
import { networkMapLimits } from "@roundtable/domain";
import * as Y from "yjs";
import type { CollabClient } from "../test/support/collab-client.js";

export const workloadKinds = ["care-plan", "network-map"] as const;
export type WorkloadKind = (typeof workloadKinds)[number];

export interface Workload {
  kind: WorkloadKind;
  /** What a client does, in the run's words ("Typing", "Moving people on the map"). */
  doing: string;
  /** The document's title when it is created. */
  title(n: number): string;
  /** Call `delivered` with the latency of each edit made by another client (and that client's Yjs client id), as this client receives it. */
  listen(client: CollabClient, delivered: (latencyMs: number, author: number) => void): void;
  /** Once, after the client has synced: its own place to edit (one stored update). Returns one edit. */
  prepare(client: CollabClient, index: number): () => void;
  /** How many edits a document read back from storage holds. */
  editsIn(doc: Y.Doc): number;
}

export function workloadFor(kind: WorkloadKind, maxEditsPerClient: number): Workload {
  return kind === "care-plan" ? carePlanWorkload() : networkMapWorkload(maxEditsPerClient);
}

/** An edit's name: its author's client id and the clock the edit started from. */
export interface EditId {
  author: number;
  clock: number;
}

/** Calls `onEdit` for each edit of someone else's that reaches this care plan client, as it arrives. */
export function onRemoteLetters(client: CollabClient, onEdit: (author: number, clock: number) => void): void {
  // A remote edit moves its author's clock on; the clock it started from names the edit.
  // Reading the transaction's before/after state vectors avoids decoding every update.
  client.doc.on("afterTransaction", (tr: Y.Transaction) => {
    if (tr.origin !== client.provider) return;
    for (const [author, after] of tr.afterState) {
      for (let clock = tr.beforeState.get(author) ?? 0; clock < after; clock++) onEdit(author, clock);
    }
  });
}

/** Gives the client a paragraph of its own (one update); returns one edit, typing a letter into it. */
export function ownParagraph(client: CollabClient): () => EditId {
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [text]);
  client.doc.getXmlFragment("default").insert(0, [paragraph]);
  return () => {
    const id = { author: client.doc.clientID, clock: Y.getState(client.doc.store, client.doc.clientID) };
    text.insert(text.length, "a");
    return id;
  };
}

/** How many letters a care plan holds: every edit is one letter. */
export const lettersIn = (doc: Y.Doc) => doc.getXmlFragment("default").toString().replace(/<[^>]+>/g, "").length;

function carePlanWorkload(): Workload {
  const sentAt = new Map<string, number>();
  return {
    kind: "care-plan",
    doing: "Typing",
    title: (n) => `Benchmark plan ${n}`,
    listen(client, delivered) {
      onRemoteLetters(client, (author, clock) => {
        const t0 = sentAt.get(`${author}:${clock}`);
        if (t0 !== undefined) delivered(performance.now() - t0, author);
      });
    },
    prepare(client) {
      const edit = ownParagraph(client);
      return () => {
        const t0 = performance.now();
        const { author, clock } = edit();
        sentAt.set(`${author}:${clock}`, t0);
      };
    },
    editsIn: lettersIn,
  };
}

/** Each network-map client's person is `benchmark-<its Yjs client id>`. */
const nodeIdPrefix = "benchmark-";

function networkMapWorkload(maxEditsPerClient: number): Workload {
  // A move's number is its x, so it must stay a position the model accepts.
  if (maxEditsPerClient > networkMapLimits.maxCoordinate) {
    throw new Error(`A run of network-map moves numbers each move by its x; keep a client to ${networkMapLimits.maxCoordinate} moves`);
  }
  const sentAt = new Map<string, number>();
  return {
    kind: "network-map",
    doing: "Moving people on the map",
    title: (n) => `Benchmark map ${n}`,
    listen(client, delivered) {
      mapNodesOf(client.doc).observeDeep((events, tr) => {
        if (tr.origin !== client.provider) return;
        const now = performance.now();
        for (const event of events) {
          // A move changes the fields of one node: the event's path is that node's id. Adding a
          // node is an event on the map of nodes itself (an empty path), and is not timed.
          if (!(event instanceof Y.YMapEvent) || event.path.length !== 1 || !event.keysChanged.has("x")) continue;
          const t0 = sentAt.get(`${event.path[0]}:${event.target.get("x")}`);
          if (t0 !== undefined) delivered(now - t0, Number(String(event.path[0]).slice(nodeIdPrefix.length)));
        }
      });
    },
    prepare(client, index) {
      const id = `${nodeIdPrefix}${client.doc.clientID}`;
      const y = index * 100;
      addMapNode(client.doc, { label: `Benchmark editor ${index + 1}`, kind: "person", status: "on-board", x: 0, y }, { id });
      let move = 0;
      return () => {
        move++;
        sentAt.set(`${id}:${move}`, performance.now());
        if (!moveMapNode(client.doc, id, move, y)) throw new Error(`${id} is no longer on the map`);
      };
    },
    // A person's x is the number of moves made to them.
    editsIn: (doc) => [...mapNodesOf(doc)].reduce((n, [id, node]) => n + (id.startsWith(nodeIdPrefix) ? Number(node.get("x")) : 0), 0),
  };
}
