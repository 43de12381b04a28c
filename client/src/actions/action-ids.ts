/**
 * Every action in a document has its own id: it is how the action is tracked across the
 * document, the lists and its history. A copy (pasted, duplicated, split off) gets a new one;
 * the action that was already there keeps its id.
 */
import { combineTransactionSteps, getChangedRanges } from "@tiptap/core";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";

/** A random (version 4) UUID, also where crypto.randomUUID is missing (pages served over plain http). */
export function newActionId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface FoundAction {
  id: string | null;
  /** Inside what the latest change added or changed. */
  changed: boolean;
}

/**
 * Which actions (by index, in document order) need a new id: those without one, and every
 * copy of a repeated id but one. The one kept is the first that the change did not touch (the
 * original), or the first of all when the change touched them all.
 */
export function actionsNeedingNewIds(found: readonly FoundAction[]): number[] {
  const byId = new Map<string, number[]>();
  const needNew: number[] = [];
  found.forEach((action, index) => {
    if (!action.id) {
      needNew.push(index);
      return;
    }
    byId.set(action.id, [...(byId.get(action.id) ?? []), index]);
  });
  for (const indexes of byId.values()) {
    if (indexes.length < 2) continue;
    const keep = indexes.find((index) => !found[index]!.changed) ?? indexes[0];
    needNew.push(...indexes.filter((index) => index !== keep));
  }
  return needNew.sort((a, b) => a - b);
}

/** Changes that arrived from other people through Yjs: theirs to fix, not ours. */
function isRemote(tr: Transaction): boolean {
  return tr.getMeta("y-sync$") !== undefined;
}

export function uniqueActionIds(typeName: string): Plugin {
  return new Plugin({
    key: new PluginKey("uniqueActionIds"),
    appendTransaction(transactions, oldState, newState) {
      if (!transactions.some((tr) => tr.docChanged) || transactions.some(isRemote)) return null;
      const changedRanges = getChangedRanges(combineTransactionSteps(oldState.doc, [...transactions])).map((c) => c.newRange);
      const positions: number[] = [];
      const found: FoundAction[] = [];
      newState.doc.descendants((node, pos) => {
        if (node.type.name !== typeName) return true;
        const id = typeof node.attrs.id === "string" && node.attrs.id.length > 0 ? node.attrs.id : null;
        positions.push(pos);
        found.push({ id, changed: changedRanges.some((range) => pos >= range.from && pos < range.to) });
        return false;
      });
      const needNew = actionsNeedingNewIds(found);
      if (needNew.length === 0) return null;
      const tr = newState.tr;
      for (const index of needNew) {
        const pos = positions[index]!;
        tr.setNodeMarkup(pos, undefined, { ...tr.doc.nodeAt(pos)?.attrs, id: newActionId() });
      }
      return tr;
    },
  });
}
