/**
 * Refuses a document update that would nest content deeper than a limit, before it is applied.
 * Deep nesting is valid Yjs, but every reader that walks the tree (the editor, exports, search)
 * pays for each level, and a recursive one runs out of stack: 20,000 nested quotes made a page
 * blank for good.
 *
 * Depth is counted as ProseMirror counts it: a block at the top of the document is at depth 1,
 * its text at depth 2. Only the update's new items are measured, each through its parent chain:
 * inside the update where the parent is new too, else in the document (walking up at most
 * `limit` levels). So a check costs about the update's size, never the document's.
 *
 * Yjs holds back an item whose parent (or neighbour) it does not have yet, and applies it when
 * that arrives. Measured alone, a held-back chunk hangs from "nothing" (depth 0), so a deep chain
 * sent deepest-first in chunks would pass chunk by chunk and apply all at once. So an update
 * that may release held-back items is measured merged with them (see measuredWith).
 */
import * as Y from "yjs";
import { closeCodes, ProtocolError } from "./protocol.js";

type Struct = ReturnType<typeof Y.decodeUpdate>["structs"][number];

/** Throws ProtocolError when any type (element, text, map…) the update creates is deeper than `limit`. */
export function assertNestingWithin(structs: readonly Struct[], doc: Y.Doc, limit: number): void {
  const depths = new NestingDepths(structs, doc, limit);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
    if (depths.of(struct) > limit) {
      throw new ProtocolError(closeCodes.nestedTooDeep, `Content is nested more than ${limit} levels deep`);
    }
  }
}

/**
 * What to measure for `update`: the update alone, or, when it may release items Yjs is holding
 * back, the update merged with them. Yjs retries what it holds back only once a client it
 * waits for has moved past the clock it waits for, and only this update's own items can move
 * a client's clock, so an update with no item there is measured alone: with nothing held back
 * (the ordinary case) or someone else's held-back items, an edit costs no more than before.
 * Held-back deletions need no measuring: deleting never nests anything deeper.
 */
export function measuredWith(structs: readonly Struct[], update: Uint8Array, doc: Y.Doc): readonly Struct[] {
  const heldBack = doc.store.pendingStructs;
  if (!heldBack) return structs;
  const releases = structs.some((struct) => {
    const waitsFor = heldBack.missing.get(struct.id.client);
    return waitsFor !== undefined && struct.id.clock + struct.length > waitsFor;
  });
  if (!releases) return structs;
  try {
    // Yjs keeps what it holds back in its second update format.
    return Y.decodeUpdateV2(Y.mergeUpdatesV2([heldBack.update, Y.convertUpdateFormatV1ToV2(update)])).structs;
  } catch {
    throw new ProtocolError(closeCodes.malformed, "Document update could not be applied");
  }
}

class NestingDepths {
  /** The update's items by client, in clock order (as Y.decodeUpdate gives them). */
  private readonly byClient = new Map<number, Y.Item[]>();
  private readonly known = new Map<Y.Item, number>();

  constructor(
    structs: readonly Struct[],
    private readonly doc: Y.Doc,
    private readonly limit: number,
  ) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  /**
   * An item's depth. Iterative on purpose: a chain of siblings (each following the one before)
   * or of parents can be as long as the update.
   */
  of(start: Y.Item): number {
    const chain: { item: Y.Item; step: number }[] = [];
    const onChain = new Set<Y.Item>();
    let current = start;
    let base: number;
    for (;;) {
      const known = this.known.get(current);
      if (known !== undefined) {
        base = known;
        break;
      }
      const { parent } = current;
      if (typeof parent === "string") {
        base = 1; // directly in a root type, such as the document's XmlFragment
        this.known.set(current, base);
        break;
      }
      // A parent given by id is one level up; none given means "same parent as my neighbour".
      const ref = parent instanceof Y.ID ? parent : (current.origin ?? current.rightOrigin);
      chain.push({ item: current, step: parent instanceof Y.ID ? 1 : 0 });
      onChain.add(current);
      if (!(ref instanceof Y.ID)) {
        base = 0;
        break;
      }
      const inUpdate = this.findInUpdate(ref);
      if (inUpdate === null) {
        base = this.depthInDocument(ref);
        break;
      }
      if (onChain.has(inUpdate)) throw new ProtocolError(closeCodes.malformed, "Document update refers to itself in a loop");
      current = inUpdate;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const { item, step } = chain[i]!;
      base += step;
      this.known.set(item, base);
    }
    return base;
  }

  private findInUpdate(id: Y.ID): Y.Item | null {
    const items = this.byClient.get(id.client);
    if (!items) return null;
    let low = 0;
    let high = items.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const item = items[mid]!;
      if (id.clock < item.id.clock) high = mid - 1;
      else if (id.clock >= item.id.clock + item.length) low = mid + 1;
      else return item;
    }
    return null;
  }

  /**
   * The depth of an item already in the document, counted no further than one past the limit.
   * An item the document does not have yet (the update will be held back until it arrives) or
   * has garbage-collected counts as 0: the update is then measured on its own, and again,
   * merged with everything else held back, when what it waits for arrives (measuredWith).
   */
  private depthInDocument(id: Y.ID): number {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return 0;
    let struct: Y.Item | Y.GC;
    try {
      struct = Y.getItem(this.doc.store, id) as Y.Item | Y.GC;
    } catch {
      return 0;
    }
    if (!(struct instanceof Y.Item)) return 0;
    const known = this.known.get(struct);
    if (known !== undefined) return known;
    let depth = 1;
    let parent = struct.parent;
    while (parent instanceof Y.AbstractType && parent._item !== null && depth <= this.limit) {
      depth++;
      parent = parent._item.parent;
    }
    this.known.set(struct, depth);
    return depth;
  }
}
