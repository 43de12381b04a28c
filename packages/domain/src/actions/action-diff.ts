/**
 * What changed between the actions stored for a document and the actions it holds now: rows to
 * write, actions that left the document, and one event per changed field — the history kept in
 * `action_events`. Pure; the server applies the result in one transaction.
 */
import type { ProjectedAction } from "./action-projection.js";

/** The stored state of an action, as far as its history is concerned. */
export interface StoredActionState {
  id: string;
  text: string;
  ownerId: string | null;
  ownerAgencyId: string | null;
  dueDate: string | null;
  status: string;
  blockedReason: string | null;
  section: string | null;
  caseId: string | null;
  position: number;
  removed: boolean;
}

export type TrackedField = "ownerId" | "ownerAgencyId" | "dueDate" | "status" | "blockedReason";
export const trackedFields: readonly TrackedField[] = ["ownerId", "ownerAgencyId", "dueDate", "status", "blockedReason"];

/**
 * What an entry in an action's history records: a tracked field changing, the action being
 * created or removed, a later meeting reviewing it (to: the meeting's title; ADR 0027), or
 * someone escalating it because it is overdue (from: the level, "1" or "2"; to: their note).
 */
export type ActionEventField = TrackedField | "created" | "removed" | "text" | "reviewed" | "escalated";

export interface ActionChangeEvent {
  actionId: string;
  field: ActionEventField;
  from: string | null;
  to: string | null;
}

export interface ActionDiff {
  /** New or changed actions (including ones that came back after being removed). */
  upserts: ProjectedAction[];
  /** Ids of actions no longer in the document. */
  removed: string[];
  events: ActionChangeEvent[];
}

export function diffActions(stored: readonly StoredActionState[], current: readonly ProjectedAction[]): ActionDiff {
  const before = new Map(stored.map((s) => [s.id, s]));
  const upserts: ProjectedAction[] = [];
  const events: ActionChangeEvent[] = [];
  for (const action of current) {
    const old = before.get(action.id);
    if (!old) {
      upserts.push(action);
      events.push({ actionId: action.id, field: "created", from: null, to: action.text });
      continue;
    }
    let changed =
      old.removed || old.text !== action.text || old.section !== action.section || old.position !== action.position || old.caseId !== action.caseId;
    if (old.removed) events.push({ actionId: action.id, field: "created", from: null, to: action.text });
    for (const field of trackedFields) {
      if (old[field] !== action[field]) {
        changed = true;
        events.push({ actionId: action.id, field, from: old[field], to: action[field] });
      }
    }
    if (changed) upserts.push(action);
  }
  const now = new Set(current.map((a) => a.id));
  const removed = stored.filter((s) => !s.removed && !now.has(s.id)).map((s) => s.id);
  for (const id of removed) events.push({ actionId: id, field: "removed", from: null, to: null });
  return { upserts, removed, events };
}
