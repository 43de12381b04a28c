/**
 * A tiny router on the History API: `navigate` changes the address without a page load and
 * `useLocation` re-renders whoever reads it. No library: the app has a handful of routes.
 */
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
let navigatedInApp = false;

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener("popstate", () => {
  navigatedInApp = true;
  notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentAddress(): string {
  return window.location.pathname + window.location.search;
}

/**
 * Go to another address. `keepScroll` is for changes within a page (such as a filter), where
 * jumping to the top would lose the person's place.
 */
export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  if (to === currentAddress()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  navigatedInApp = true;
  if (!options.keepScroll) window.scrollTo(0, 0);
  notify();
}

/** True once the person has moved between pages here, so a new page should take focus. */
export function hasNavigatedInApp(): boolean {
  return navigatedInApp;
}

export interface AppLocation {
  pathname: string;
  search: URLSearchParams;
  /** Path and query, for coming back here after signing in. */
  address: string;
}

export function useLocation(): AppLocation {
  const address = useSyncExternalStore(subscribe, currentAddress);
  const queryStart = address.indexOf("?");
  const pathname = queryStart === -1 ? address : address.slice(0, queryStart);
  const search = new URLSearchParams(queryStart === -1 ? "" : address.slice(queryStart));
  return { pathname, search, address };
}
