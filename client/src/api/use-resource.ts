/**
 * Load one thing from the API for a screen. A 401 ends the session (the person signs in again
 * and comes back); any other failure is handed to the screen to explain.
 */
import { useCallback, useEffect, useState } from "react";
import { useSession } from "../auth/session-context";
import { ApiRequestError } from "./api";

export type Resource<T> =
  | { status: "loading" }
  | { status: "failed"; error: ApiRequestError; retry: () => void }
  | { status: "loaded"; data: T };

export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const { sessionEnded } = useSession();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; attempt: number; resource: Resource<T> } | null>(null);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads when the resource key or the retry count changes, not when the caller's closure does
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => {
        if (!cancelled) setState({ key, attempt, resource: { status: "loaded", data } });
      },
      (error: unknown) => {
        if (cancelled) return;
        const failure =
          error instanceof ApiRequestError ? error : new ApiRequestError(0, "Something went wrong. Try again.");
        if (failure.isSessionEnded) {
          sessionEnded();
          return;
        }
        setState({ key, attempt, resource: { status: "failed", error: failure, retry } });
      },
    );
    return () => {
      cancelled = true;
    };
    // `load` is a new function each render; `key` says when it asks for something different.
  }, [key, attempt, sessionEnded, retry]);

  if (!state || state.key !== key || state.attempt !== attempt) return { status: "loading" };
  return state.resource;
}
