/**
 * Load one thing from the API for a screen, and keep it current while the screen is open. A 401
 * ends the session (the person signs in again and comes back); any other failure is handed to
 * the screen to explain. Every screen that fetches and re-fetches uses this one hook.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useSession } from "../auth/session-context";
import { ApiRequestError } from "./api";

export type Resource<T> =
  | { status: "loading" }
  | { status: "failed"; error: ApiRequestError; retry: () => void }
  | { status: "loaded"; data: T };

export interface ResourceOptions {
  /**
   * "Try again" after a failure: show the loading text first (the default), or keep the failure
   * on screen until the answer comes, as a refresh does.
   */
  retry?: "with-loading" | "as-refresh";
  /** Whether a refresh that fails keeps what is on screen (the next one tries again); it does unless this says no. */
  keepAfterFailure?(error: ApiRequestError): boolean;
  /** False for a page anyone may open (an invitation link): a 401 is then shown like any other failure. */
  endsSession?: boolean;
}

export interface LiveResource<T> {
  resource: Resource<T>;
  /** Fetch again without a loading flash; an answer to an older fetch is dropped. */
  refresh(): void;
  /** Fetch again from the start, showing the loading text. */
  reload(): void;
  /**
   * Show a change made here at once (what the server answered to it): `update` gets the data on
   * screen (null while there is none) and returns what to show, or null to leave it. A fetch
   * begun before the change does not then bring back what was there before.
   */
  change(update: (current: T | null) => T | null): void;
}

/** A failure as the ApiRequestError screens explain; anything else becomes "Something went wrong". */
export function asApiError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError(0, "Something went wrong. Try again.");
}

/** For changes a screen sends: read a failure, ending the session first when it was a 401. */
export function useReadFailure(): (error: unknown) => ApiRequestError {
  const { sessionEnded } = useSession();
  return useCallback(
    (error: unknown) => {
      const failure = asApiError(error);
      if (failure.isSessionEnded) sessionEnded();
      return failure;
    },
    [sessionEnded],
  );
}

export function useResource<T>(load: () => Promise<T>, key: string, options?: ResourceOptions): Resource<T> {
  return useLiveResource(load, key, options).resource;
}

/** `key` says what is asked for: a new key shows the loading text and fetches it. */
export function useLiveResource<T>(load: () => Promise<T>, key: string, options: ResourceOptions = {}): LiveResource<T> {
  const { sessionEnded } = useSession();
  const [attempt, setAttempt] = useState(0);
  const [shown, setShown] = useState<{ key: string; attempt: number; resource: Resource<T> } | null>(null);
  // Answers to older fetches are dropped: a slow read must not undo a newer one.
  const latestRequest = useRef(0);
  // Changes made here so far, so an answer fetched before one does not overwrite it.
  const localChanges = useRef(0);
  // `load` and `options` are new each render; `key` says when they ask for something different.
  const latest = useRef({ load, options });
  useEffect(() => {
    latest.current = { load, options };
  });

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const refresh = useCallback(() => {
    const request = ++latestRequest.current;
    const changesBefore = localChanges.current;
    // What is on screen stays when asked to, or when it holds a change made here since this fetch began.
    const show = (resource: Resource<T>, keepOnScreen: boolean) => {
      const changedHere = localChanges.current !== changesBefore;
      setShown((current) =>
        current?.key === key && current.attempt === attempt && current.resource.status === "loaded" && (keepOnScreen || changedHere)
          ? current
          : { key, attempt, resource },
      );
    };
    latest.current.load().then(
      (data) => {
        if (request === latestRequest.current) show({ status: "loaded", data }, false);
      },
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        const failure = asApiError(error);
        const { retry = "with-loading", keepAfterFailure = () => true, endsSession = true } = latest.current.options;
        if (failure.isSessionEnded && endsSession) return sessionEnded();
        show({ status: "failed", error: failure, retry: retry === "as-refresh" ? refresh : reload }, keepAfterFailure(failure));
      },
    );
  }, [key, attempt, sessionEnded, reload]);

  useEffect(() => {
    refresh();
    return () => {
      latestRequest.current++;
    };
  }, [refresh]);

  const change = useCallback(
    (update: (current: T | null) => T | null) => {
      localChanges.current++;
      setShown((current) => {
        const data = current?.key === key && current.attempt === attempt && current.resource.status === "loaded" ? current.resource.data : null;
        const next = update(data);
        return next === null ? current : { key, attempt, resource: { status: "loaded", data: next } };
      });
    },
    [key, attempt],
  );

  const resource: Resource<T> = shown?.key === key && shown.attempt === attempt ? shown.resource : { status: "loading" };
  return { resource, refresh, reload, change };
}
