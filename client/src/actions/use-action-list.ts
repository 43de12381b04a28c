/**
 * A list of actions that stays current: fetched again (without a loading flash) when the server
 * says actions changed, and changed here first when the person changes one, then put back if
 * the server says no.
 */
import type { Action, ActionListQuery, UpdateActionBody } from "@roundtable/domain";
import { useCallback, useEffect, useRef, useState } from "react";
import { useSession } from "../auth/session-context";
import { ApiRequestError, listActions, updateAction } from "../api/api";
import { useActionsChanged } from "../realtime/use-actions-changed";

export type ActionList =
  | { status: "loading" }
  | { status: "failed"; error: ApiRequestError; retry: () => void }
  | { status: "loaded"; actions: Action[] };

function asApiError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError(0, "Something went wrong. Try again.");
}

export function useActionList(query: ActionListQuery): {
  list: ActionList;
  /** Change an action; resolves when saved, rejects (after putting it back) when not. */
  update(actionId: string, body: UpdateActionBody): Promise<void>;
  /** Fetch again without a loading flash, for lists that also refresh on a timer or on focus. */
  refresh(): void;
} {
  const { sessionEnded } = useSession();
  const key = JSON.stringify(query);
  const [loaded, setLoaded] = useState<{ key: string; list: ActionList } | null>(null);
  // Changes not yet confirmed by the server, shown on top of what was fetched.
  const [pending, setPending] = useState<ReadonlyMap<string, UpdateActionBody>>(new Map());
  const latestRequest = useRef(0);

  const load = useCallback(() => {
    const request = ++latestRequest.current;
    listActions(JSON.parse(key) as ActionListQuery).then(
      (actions) => {
        if (request === latestRequest.current) setLoaded({ key, list: { status: "loaded", actions } });
      },
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        const failure = asApiError(error);
        if (failure.isSessionEnded) return sessionEnded();
        // Keep showing what we have if a refresh fails; say so only when there is nothing.
        setLoaded((current) =>
          current?.key === key && current.list.status === "loaded"
            ? current
            : { key, list: { status: "failed", error: failure, retry: load } },
        );
      },
    );
  }, [key, sessionEnded]);

  useEffect(load, [load]);
  useActionsChanged(load, query.caseId ? { caseId: query.caseId } : {});

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
        latestRequest.current++; // an older fetch must not bring back the old values
        setLoaded((current) =>
          current?.list.status === "loaded"
            ? {
                ...current,
                list: { status: "loaded", actions: current.list.actions.map((a) => (a.id === saved.id ? saved : a)) },
              }
            : current,
        );
        forget();
        load();
      } catch (error) {
        forget();
        const failure = asApiError(error);
        if (failure.isSessionEnded) sessionEnded();
        throw failure;
      }
    },
    [load, sessionEnded],
  );

  if (!loaded || loaded.key !== key) return { list: { status: "loading" }, update, refresh: load };
  if (loaded.list.status !== "loaded" || pending.size === 0) return { list: loaded.list, update, refresh: load };
  const actions = loaded.list.actions.map((action) => {
    const change = pending.get(action.id);
    return change ? ({ ...action, ...change } as Action) : action;
  });
  return { list: { status: "loaded", actions }, update, refresh: load };
}
