/**
 * Which sections of a rich-text document one update touched, by the heading above each block it
 * changed, and whether it only added to them or changed what was there (deleted, reformatted,
 * or an attribute such as an action's status). Read from the update's own items once it has
 * been applied, so it costs one decode and a walk from each touched block up to its heading,
 * whatever the document's size; it runs on every update a person sends. The version history in words is built from these (ADR 0028).
 */
import * as Y from "yjs";
import { richTextFragment } from "./rich-text.js";

export type SectionTouch = "added" | "changed";

/** Headings are cut to this length: a section's name, not its text. */
export const sectionNameMaxLength = 120;
/** Deleted items looked at for one update: a huge delete still names its sections from the first ones. */
const maxDeletedItemsScanned = 10_000;
/** Nesting is bounded far below this (COLLAB_MAX_NESTING_DEPTH); a guard, not a limit. */
const maxClimb = 1_000;

/** The block directly in the fragment that holds this item, or null when the item is not in the rich text. */
function topLevelBlock(item: Y.Item, fragment: Y.XmlFragment): Y.Item | null {
  let current: Y.Item = item;
  for (let i = 0; i < maxClimb; i++) {
    const parent = current.parent;
    if (parent === fragment) return current;
    if (!(parent instanceof Y.AbstractType) || !parent._item) return null;
    current = parent._item;
  }
  return null;
}

function isHeading(item: Y.Item): boolean {
  return !item.deleted && item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlElement && item.content.type.nodeName === "heading";
}

/** A heading's words, as a section's name. */
function headingText(heading: Y.Item): string {
  const el = (heading.content as Y.ContentType).type as Y.XmlElement;
  const words = el
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? child.toDelta().map((d: { insert?: unknown }) => (typeof d.insert === "string" ? d.insert : "")).join("") : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return words.slice(0, sectionNameMaxLength);
}

/**
 * The sections (by heading; "" for blocks before the first heading) an update already applied
 * to `doc` touched, each "added" when the update only inserted text or blocks there, "changed"
 * otherwise. Parts of the update Yjs is holding back (missing what they build on) are skipped.
 */
export function sectionsTouched(doc: Y.Doc, update: Uint8Array): Map<string, SectionTouch> {
  const fragment = richTextFragment(doc);
  const touched = new Map<Y.Item, SectionTouch>();
  const note = (item: Y.Item, kind: SectionTouch) => {
    const block = topLevelBlock(item, fragment);
    if (block && touched.get(block) !== "changed") touched.set(block, kind);
  };
  const { structs, ds } = Y.decodeUpdate(update);
  // Each client's span of clocks in this update (an update holds a run per client).
  const spans = new Map<number, { from: number; to: number }>();
  for (const s of structs) {
    const span = spans.get(s.id.client);
    spans.set(s.id.client, { from: Math.min(span?.from ?? s.id.clock, s.id.clock), to: Math.max(span?.to ?? 0, s.id.clock + s.length) });
  }
  const inUpdate = (id: Y.ID) => {
    const span = spans.get(id.client);
    return !!span && span.from <= id.clock && id.clock < span.to;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || struct.id.clock >= Y.getState(doc.store, struct.id.client)) continue;
    const item = Y.getItem(doc.store, struct.id);
    if (!(item instanceof Y.Item)) continue;
    // An attribute of a block this update made (a new heading's level) is part of adding it.
    const parentItem = item.parent instanceof Y.AbstractType ? item.parent._item : null;
    const attributeOfSomethingOlder = item.parentSub !== null && !(parentItem && inUpdate(parentItem.id));
    const changesWhatWasThere = attributeOfSomethingOlder || item.content instanceof Y.ContentFormat || item.deleted;
    note(item, changesWhatWasThere ? "changed" : "added");
  }
  let scanned = 0;
  for (const [client, deletions] of ds.clients) {
    const stored = doc.store.clients.get(client);
    if (!stored) continue;
    for (const { clock, len } of deletions) {
      if (clock >= Y.getState(doc.store, client)) continue;
      for (let i = Y.findIndexSS(stored, clock); i < stored.length && stored[i]!.id.clock < clock + len && scanned < maxDeletedItemsScanned; i++, scanned++) {
        const struct = stored[i];
        if (struct instanceof Y.Item) note(struct, "changed");
      }
    }
  }
  return sectionsOfBlocks(touched);
}

/**
 * The sections (by heading name) of these top-level blocks, each with the strongest touch of its
 * blocks. Each block's section is the nearest heading at or above it, found by walking up from
 * the block rather than down the whole document: one keystroke costs the distance to its
 * heading, not a pass over every block and every heading's text. A deleted block counts in the
 * section it was in; a heading's own edit in its own section. Blocks already walked are
 * remembered, so many touched blocks still cost one pass at most.
 */
export function sectionsOfBlocks(touched: ReadonlyMap<Y.Item, SectionTouch>): Map<string, SectionTouch> {
  const sections = new Map<string, SectionTouch>();
  const headingAt = new Map<Y.Item, Y.Item | null>();
  const headingAbove = (block: Y.Item): Y.Item | null => {
    const walked: Y.Item[] = [];
    let found: Y.Item | null = null;
    for (let at: Y.Item | null = block; at !== null; at = at.left) {
      const known = headingAt.get(at);
      if (known !== undefined) {
        found = known;
        break;
      }
      walked.push(at);
      if (isHeading(at)) {
        found = at;
        break;
      }
    }
    for (const at of walked) headingAt.set(at, found);
    return found;
  };
  const names = new Map<Y.Item, string>();
  const nameOf = (heading: Y.Item | null): string => {
    if (heading === null) return "";
    let name = names.get(heading);
    if (name === undefined) {
      name = headingText(heading);
      names.set(heading, name);
    }
    return name;
  };
  for (const [block, kind] of touched) {
    const name = nameOf(headingAbove(block));
    if (sections.get(name) !== "changed") sections.set(name, kind);
  }
  return sections;
}
