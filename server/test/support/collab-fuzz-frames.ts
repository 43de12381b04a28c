/**
 * Frames for fuzzing the collab endpoint: a corpus of real y-websocket messages made from a
 * copy of the document, and a generator that breaks them in many ways. What each frame must do
 * to the connection is collab-fuzz-oracle.ts's to say.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { SeededRandom } from "./seeded-random.js";

export interface Frame {
  /** What the generator did, for the failure report and the tally. */
  kind: string;
  /** A text frame (a string) or a binary one. */
  data: Uint8Array | string;
}

export type Expectation = "close" | "stay" | "either";

export interface Corpus {
  /** Whole, valid frames of every message type. */
  frames: Uint8Array[];
  /** Valid Yjs updates against the document: real edits, and its whole state. */
  updates: Uint8Array[];
  /** Valid edits that depend on an earlier edit nobody has sent (Yjs holds them back). */
  outOfOrder: Uint8Array[];
  /** Valid awareness updates, including ones for someone else's client id. */
  awareness: Uint8Array[];
  /** Presence updates of other people in the room, to impersonate. */
  foreign: Uint8Array[];
  /** Valid edits an editor may not make: nested past the depth limit, or past the size limit. */
  refused: { deep: Uint8Array[]; oversize: Uint8Array[] };
}

/** The limits the server is run with, so the corpus can hold edits just past them. */
export interface CorpusLimits {
  maxNestingDepth: number;
  /** An edit this big takes the document past its size limit on its own. */
  oversizeBytes: number;
}

/** Frame kinds that are valid Yjs but must close an editor's connection (a reader's are dropped). */
export const refusedEditKinds: ReadonlySet<string> = new Set(["deeply nested edit", "oversize edit"]);

// The y-websocket protocol's numbers, written out here rather than imported from packages/collab:
// the fuzz test judges the server by the protocol, never by the server's own code.
export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;
export const syncStep1 = 0;
export const syncStep2 = 1;
export const syncUpdate = 2;
/** The server's default limit on one presence state (COLLAB_MAX_AWARENESS_BYTES), in bytes. */
export const maxAwarenessBytes = 4096;

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const part of parts) part(e);
  return encoding.toUint8Array(e);
}

const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);
const raw = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeUint8Array(e, b);

export function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  return frame(uint(messageSync), uint(type), bytes(payload));
}

export function awarenessFrame(payload: Uint8Array): Uint8Array {
  return frame(uint(messageAwareness), bytes(payload));
}

export function cloneDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** One random, real edit of a rich-text document, as an editor would make it. */
function randomEdit(doc: Y.Doc, rng: SeededRandom): void {
  const fragment = doc.getXmlFragment("default");
  const texts = [...fragment.createTreeWalker((n) => n instanceof Y.XmlText)] as Y.XmlText[];
  const text = texts.length > 0 ? rng.pick(texts) : null;
  const op = rng.int(7);
  if (op === 0 || text === null) {
    const p = new Y.XmlElement(rng.pick(["paragraph", "heading"]));
    p.insert(0, [new Y.XmlText(`Fuzz ${rng.int(1e6)}`)]);
    fragment.insert(rng.int(fragment.length + 1), [p]);
  } else if (op === 1) {
    text.insert(rng.int(text.length + 1), `edit${rng.int(100)}`);
  } else if (op === 2 && text.length > 0) {
    const at = rng.int(text.length);
    text.delete(at, 1 + rng.int(Math.min(5, text.length - at)));
  } else if (op === 3 && text.length > 0) {
    text.format(rng.int(text.length), 1 + rng.int(3), { bold: true });
  } else if (op === 4 && fragment.length > 1) {
    fragment.delete(rng.int(fragment.length), 1);
  } else if (op === 5) {
    const first = fragment.get(0);
    if (first instanceof Y.XmlElement) first.setAttribute("level", String(rng.int(4)));
  } else {
    doc.getMap("fuzz").set(`k${rng.int(5)}`, { n: rng.int(1000), s: "x".repeat(rng.int(20)) });
  }
}

/** An edit to `doc` that nests `levels` quotes, one inside the next, built top-down (Yjs integrates a prebuilt deep tree recursively). */
function nestedEdit(doc: Y.Doc, levels: number, rng: SeededRandom): Uint8Array {
  const editor = cloneDoc(doc);
  const before = Y.encodeStateVector(editor);
  editor.transact(() => {
    const fragment = editor.getXmlFragment("default");
    let parent: Y.XmlFragment | Y.XmlElement = fragment;
    for (let i = 0; i < levels; i++) {
      const quote = new Y.XmlElement(rng.pick(["blockquote", "bulletList", "listItem"]));
      if (parent === fragment) fragment.insert(rng.int(fragment.length + 1), [quote]);
      else parent.insert(0, [quote]);
      parent = quote;
    }
  });
  const update = Y.encodeStateAsUpdate(editor, before);
  editor.destroy();
  return update;
}

function oversizeEdit(doc: Y.Doc, bytes: number, rng: SeededRandom): Uint8Array {
  const editor = cloneDoc(doc);
  const before = Y.encodeStateVector(editor);
  editor.getText(`oversize${rng.int(1000)}`).insert(0, "x".repeat(bytes));
  const update = Y.encodeStateAsUpdate(editor, before);
  editor.destroy();
  return update;
}

/** Real messages about `doc`: its state vector and state, edits to it, presence, queries. */
export function buildCorpus(doc: Y.Doc, rng: SeededRandom, foreignAwareness: Uint8Array[] = [], limits?: CorpusLimits): Corpus {
  const updates: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
  const outOfOrder: Uint8Array[] = [];
  for (let session = 0; session < 4; session++) {
    const editor = cloneDoc(doc);
    const edits: Uint8Array[] = [];
    editor.on("update", (u: Uint8Array) => edits.push(u));
    for (let i = 0; i < 12; i++) randomEdit(editor, rng);
    updates.push(...edits, Y.encodeStateAsUpdate(editor, Y.encodeStateVector(doc)));
    outOfOrder.push(...edits.slice(1));
    editor.destroy();
  }
  const presence = new awarenessProtocol.Awareness(new Y.Doc());
  const awareness: Uint8Array[] = [...foreignAwareness];
  for (let i = 0; i < 6; i++) {
    presence.setLocalState({ user: { name: "Fuzz", color: "#123456" }, cursor: { anchor: rng.int(100), head: rng.int(100) } });
    awareness.push(awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID]));
  }
  presence.setLocalState(null);
  awareness.push(awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID]));
  presence.destroy();
  const frames = [
    syncFrame(syncStep1, Y.encodeStateVector(doc)),
    syncFrame(syncStep1, new Uint8Array([0])),
    ...updates.map((u, i) => syncFrame(i % 3 === 0 ? syncStep2 : syncUpdate, u)),
    ...awareness.map(awarenessFrame),
    frame(uint(messageQueryAwareness)),
    frame(uint(messageAuth), uint(0), (e) => encoding.writeVarString(e, "denied")),
  ];
  const refused = {
    // Just past the limit, well past it, and thousands deep (the nesting that broke documents).
    deep: limits ? [1, 2, 40, 3000].map((extra) => nestedEdit(doc, limits.maxNestingDepth + extra, rng)) : [],
    oversize: limits ? [oversizeEdit(doc, limits.oversizeBytes, rng)] : [],
  };
  return { frames, updates, outOfOrder, awareness, foreign: foreignAwareness, refused };
}

/** An update that decodes but cannot be applied: an item whose parent is a later item of its own client. */
function selfReferencingUpdate(rng: SeededRandom): Uint8Array {
  const client = 1 + rng.int(2 ** 31);
  return frame(
    uint(1), // one client
    uint(1), // one struct
    uint(client),
    uint(0), // at clock 0
    (e) => encoding.writeUint8(e, 4), // string content, no origins
    uint(0), // its parent is an item...
    uint(client),
    uint(1 + rng.int(50)), // ...that comes after it
    (e) => encoding.writeVarString(e, "x"),
    uint(0), // no deletions
  );
}

/** An update with an empty deleted range, which Yjs cannot re-encode. */
function emptyDeletionUpdate(rng: SeededRandom): Uint8Array {
  return frame(uint(0), uint(1), uint(1 + rng.int(2 ** 31)), uint(1), uint(rng.int(100)), uint(0));
}

function mutate(data: Uint8Array, rng: SeededRandom): Uint8Array {
  const out = new Uint8Array(data);
  if (out.length === 0) return out;
  const times = 1 + rng.int(3);
  for (let i = 0; i < times; i++) {
    const at = rng.int(out.length);
    if (rng.chance(0.5)) out[at]! ^= 1 << rng.int(8);
    else out[at] = rng.int(256);
  }
  return out;
}

/** A varint of 10–20 bytes: far beyond any safe integer. */
function hugeVarint(rng: SeededRandom): Uint8Array {
  const length = 10 + rng.int(11);
  const out = new Uint8Array(length).fill(0xff);
  out[length - 1] = rng.int(128);
  return out;
}

function randomText(rng: SeededRandom): string {
  return rng.pick(["hello", "", '{"type":"sync"}', "\u0000\u0001", "é✓🙂".repeat(1 + rng.int(50)), String.fromCharCode(...rng.bytes(20).map((b) => 32 + (b % 90)))]);
}

function awarenessEntries(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
  return frame(uint(entries.length), ...entries.map((x) => (e: encoding.Encoder) => {
    encoding.writeVarUint(e, x.clientId);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, x.json);
  }));
}

/** Someone else's presence, re-sent with a later clock: as if we spoke for them. */
function hijackedAwareness(source: Uint8Array, rng: SeededRandom): Uint8Array {
  const d = decoding.createDecoder(source);
  decoding.readVarUint(d);
  const clientId = decoding.readVarUint(d);
  const clock = decoding.readVarUint(d);
  return awarenessEntries([{ clientId, clock: clock + 1 + rng.int(2 ** 40), json: rng.pick(["null", '{"user":{"name":"Not you"}}', "{}"]) }]);
}

function garbageAwareness(corpus: Corpus, rng: SeededRandom): Uint8Array {
  switch (rng.int(7)) {
    case 0:
      return rng.bytes(rng.int(40));
    case 1:
      return mutate(rng.pick(corpus.awareness), rng);
    case 2:
      return awarenessEntries([{ clientId: rng.int(2 ** 32), clock: rng.int(10), json: rng.pick(["{", "undefined", "[1,", "'x'", "\u0000", "{}x"]) }]);
    case 3:
      return hijackedAwareness(rng.pick(corpus.awareness), rng);
    case 4:
      return awarenessEntries(Array.from({ length: 20 + rng.int(200) }, () => ({ clientId: rng.int(2 ** 32), clock: rng.int(5), json: "{}" })));
    case 5: {
      // Deeply nested JSON: it parses, but cannot be written back out (stack overflow).
      const depth = rng.chance(0.1) ? 150_000 : 50 + rng.int(500);
      return awarenessEntries([{ clientId: rng.int(2 ** 32), clock: 1, json: `${"[".repeat(depth)}${"]".repeat(depth)}` }]);
    }
    default:
      return frame(raw(hugeVarint(rng)), raw(rng.bytes(rng.int(10))));
  }
}

/**
 * A presence state around the size limit: mostly past it (a few bytes to tens of kilobytes, in
 * one- to three-byte characters), sometimes exactly at it or just under, which must be accepted.
 */
function oversizedAwareness(rng: SeededRandom): Uint8Array {
  const target = rng.weighted<number>([
    [1, maxAwarenessBytes],
    [1, maxAwarenessBytes - 1 - rng.int(16)],
    [3, maxAwarenessBytes + 1 + rng.int(16)],
    [3, maxAwarenessBytes + 1 + rng.int(60_000)],
  ]);
  const unit = rng.pick(["x", "é", "✓"]);
  const width = new TextEncoder().encode(unit).length;
  const wrapper = '{"user":{"name":"Fuzz"},"pad":""}'.length;
  const json = JSON.stringify({ user: { name: "Fuzz" }, pad: unit.repeat(Math.max(0, Math.floor((target - wrapper) / width))) });
  const entries = [{ clientId: rng.int(2 ** 32), clock: 1 + rng.int(10), json }];
  // Sometimes behind a small, valid entry: the whole frame is refused, not half of it.
  if (rng.chance(0.3)) entries.unshift({ clientId: rng.int(2 ** 32), clock: 1, json: "{}" });
  return awarenessEntries(entries);
}

function randomJson(rng: SeededRandom, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 4 : 6)) {
    case 0:
      return rng.int(2 ** 31) - 2 ** 30;
    case 1:
      return String.fromCharCode(...rng.bytes(rng.int(12)).map((b) => 32 + (b % 90)));
    case 2:
      return rng.chance(0.5);
    case 3:
      return null;
    case 4:
      return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: rng.int(4) }, (_, i) => [`k${i}`, randomJson(rng, depth + 1)]));
  }
}

/** An update mutated until it still decodes (Yjs accepts a lot): the semantic garbage. */
function decodableMutation(corpus: Corpus, rng: SeededRandom): Uint8Array {
  const source = rng.pick(corpus.updates);
  for (let i = 0; i < 8; i++) {
    const candidate = mutate(source, rng);
    try {
      Y.decodeUpdate(candidate);
      return candidate;
    } catch {
      // try another mutation
    }
  }
  return mutate(source, rng);
}

/**
 * The next fuzz frame. About one in ten breaks the protocol outright: each of those closes the
 * connection, and the reconnect (a session and access lookup) costs far more than a frame. The
 * rest are valid or nearly so — updates mutated so they still decode, presence with odd JSON,
 * arbitrary state vectors, edits out of order — where a server is likeliest to go quietly wrong.
 */
export function nextFrame(corpus: Corpus, rng: SeededRandom, reweigh: Readonly<Record<string, number>> = {}): Frame {
  const weights: [number, string][] = [
    [1, "random bytes"],
    [2, "mutated frame"],
    [1, "truncated frame"],
    [8, "extended frame"],
    [1, "garbage update"],
    [22, "mutated update"],
    [1, "valid edit with a broken update"],
    [2, "garbage awareness"],
    [12, "random awareness"],
    [8, "random state vector"],
    [6, "message with trailing bytes"],
    [0.7, "huge varint"],
    [0.7, "text frame"],
    [0.3, "empty frame"],
    [14, "valid frame"],
    [6, "out-of-order edit"],
    [corpus.foreign.length > 0 ? 1 : 0, "someone else's presence"],
    [corpus.refused.deep.length > 0 ? 0.6 : 0, "deeply nested edit"],
    // Rare: each is megabytes.
    [corpus.refused.oversize.length > 0 ? 0.04 : 0, "oversize edit"],
    [1, "oversized awareness"],
    [4, "query awareness"],
  ];
  const kind = rng.weighted(weights.map(([w, k]) => [reweigh[k] ?? w, k] as const));
  const validFrame = () => rng.pick(corpus.frames);
  switch (kind) {
    case "random bytes":
      return { kind, data: rng.bytes(rng.chance(0.9) ? rng.int(64) : rng.int(2048)) };
    case "mutated frame":
      return { kind, data: mutate(validFrame(), rng) };
    case "truncated frame": {
      const f = validFrame();
      return { kind, data: f.slice(0, rng.int(f.length)) };
    }
    case "extended frame": {
      const f = validFrame();
      const out = new Uint8Array(f.length + 1 + rng.int(32));
      out.set(f);
      out.set(rng.bytes(out.length - f.length), f.length);
      return { kind, data: out };
    }
    case "garbage update":
      return { kind, data: syncFrame(rng.pick([syncStep2, syncUpdate]), rng.bytes(rng.int(rng.chance(0.9) ? 80 : 4000))) };
    case "mutated update":
      return {
        kind,
        data: syncFrame(rng.pick([syncStep2, syncUpdate]), rng.chance(0.95) ? decodableMutation(corpus, rng) : mutate(rng.pick(corpus.updates), rng)),
      };
    case "random awareness":
      return {
        kind,
        data: awarenessFrame(
          awarenessEntries(
            Array.from({ length: 1 + rng.int(3) }, () => ({ clientId: rng.int(2 ** 32), clock: rng.int(2 ** 20), json: JSON.stringify(randomJson(rng)) })),
          ),
        ),
      };
    case "random state vector": {
      const sv = new Map<number, number>();
      for (let i = rng.int(5); i > 0; i--) sv.set(rng.int(2 ** 32), rng.int(2 ** 40));
      return { kind, data: syncFrame(syncStep1, Y.encodeStateVector(sv)) };
    }
    case "message with trailing bytes":
      return { kind, data: frame(uint(rng.pick([messageAuth, messageQueryAwareness])), raw(rng.bytes(rng.int(64)))) };
    case "someone else's presence":
      return { kind, data: awarenessFrame(hijackedAwareness(rng.pick(corpus.foreign), rng)) };
    case "out-of-order edit":
      return { kind, data: syncFrame(syncUpdate, rng.pick(corpus.outOfOrder)) };
    case "deeply nested edit":
      return { kind, data: syncFrame(rng.pick([syncStep2, syncUpdate]), rng.pick(corpus.refused.deep)) };
    case "oversize edit":
      return { kind, data: syncFrame(rng.pick([syncStep2, syncUpdate]), rng.pick(corpus.refused.oversize)) };
    case "valid edit with a broken update": {
      const broken = rng.weighted<() => Uint8Array>([
        [2, () => selfReferencingUpdate(rng)],
        [1, () => emptyDeletionUpdate(rng)],
        [3, () => mutate(rng.pick(corpus.updates), rng)],
      ])();
      try {
        return { kind, data: syncFrame(syncUpdate, Y.mergeUpdates([rng.pick(corpus.updates), broken])) };
      } catch {
        return { kind, data: syncFrame(syncUpdate, broken) };
      }
    }
    case "garbage awareness":
      return { kind, data: awarenessFrame(garbageAwareness(corpus, rng)) };
    case "oversized awareness":
      return { kind, data: awarenessFrame(oversizedAwareness(rng)) };
    case "query awareness":
      return { kind, data: frame(uint(messageQueryAwareness)) };
    case "huge varint":
      return {
        kind,
        data: rng.pick([
          () => frame(raw(hugeVarint(rng))),
          () => frame(uint(messageSync), raw(hugeVarint(rng))),
          () => frame(uint(messageSync), uint(rng.int(3)), raw(hugeVarint(rng)), raw(rng.bytes(8))),
          () => frame(uint(messageAwareness), raw(hugeVarint(rng)), raw(rng.bytes(8))),
          () => frame(uint(messageSync), uint(syncUpdate), uint(2 ** 50 + rng.int(1000)), raw(rng.bytes(16))),
          () => frame(uint(Number.MAX_SAFE_INTEGER - rng.int(10))),
        ])(),
      };
    case "text frame":
      return { kind, data: randomText(rng) };
    case "empty frame":
      return { kind, data: new Uint8Array() };
    default:
      return { kind, data: validFrame() };
  }
}
