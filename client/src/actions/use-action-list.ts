/**
 * A list of actions that stays current: fetched again (without a loading flash) when the server
 * says actions changed, and changed here first when the person changes one, then put back if
 * the server says no.
 */
import type { Action, ActionListQuery, UpdateActionBody } from "@roundtable/domain";
import { useCallback, useState } from "react";
import { listActions, updateAction } from "../api/api";
import { useLiveResource, useReadFailure, type Resource } from "../api/use-resource";
import { useActionsChanged } from "../realtime/use-actions-changed";

export type ActionList = Resource<Action[]>;

export function useActionList(query: ActionListQuery): {
  list: ActionList;
  /** Change an action; resolves when saved, rejects (after putting it back) when not. */
  update(actionId: string, body: UpdateActionBody): Promise<void>;
  /** Fetch again without a loading flash, for lists that also refresh on a timer or on focus. */
  refresh(): void;
} {
  const readFailure = useReadFailure();
  // Keep showing what we have if a refresh fails; say so only when there is nothing.
  const { resource, refresh, change } = useLiveResource(() => listActions(query), JSON.stringify(query), { retry: "as-refresh" });
  // Changes not yet confirmed by the server, shown on top of what was fetched.
  const [pending, setPending] = useState<ReadonlyMap<string, UpdateActionBody>>(new Map());

  useActionsChanged(refresh, query.caseId ? { caseId: query.caseId } : {});

  const update = useCallback(
    async (actionId: string, body: UpdateActionBody) => {
      setPending((current) => new Map(current).set(actionId, { ...current.get(actionId), ...body }));
      const forget = () =>
        setPending((current) => {
          const next = new Map(current);
          next.delete(actionId);
          return next;
        });
      try {
        const saved = await updateAction(actionId, body);
        change((actions) => (actions === null ? null : actions.map((a) => (a.id === saved.id ? saved : a))));
        forget();
        refresh();
      } catch (error) {
        forget();
        throw readFailure(error);
      }
    },
    [change, refresh, readFailure],
  );

  if (resource.status !== "loaded" || pending.size === 0) return { list: resource, update, refresh };
  const actions = resource.data.map((action) => {
    const unsaved = pending.get(action.id);
    if (!unsaved) return action;
    // A status other than blocked takes the reason away, as the server will.
    const blockedReason = unsaved.status === undefined || unsaved.status === "blocked" ? (unsaved.blockedReason ?? action.blockedReason) : null;
    return { ...action, ...unsaved, blockedReason } as Action;
  });
  return { list: { status: "loaded", data: actions }, update, refresh };
}
