/**
 * Whether the person has only a touch screen (no mouse, no trackpad): then keyboard shortcuts
 * ("press Escape", "Ctrl+Alt+M") are not shown, as they cannot use them. A tablet with a
 * keyboard case reports a fine pointer too, and gets the hints. Kept current if that changes.
 */
import { useSyncExternalStore } from "react";

const touchOnlyQuery = "(pointer: coarse) and (not (any-pointer: fine))";

let asked: MediaQueryList | null | undefined;

/** One list for the page's life: React reads it on every render, and matchMedia makes a new one each time. */
function query(): MediaQueryList | null {
  if (asked === undefined) asked = typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(touchOnlyQuery) : null;
  return asked;
}

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener("change", onChange);
  return () => list?.removeEventListener("change", onChange);
}

export function useTouchOnly(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false);
}

/** The sentences to show, leaving out the keyboard ones for someone on a touch screen alone. */
export function helpSentences(parts: readonly { text: string | null; keyboard?: boolean }[], touchOnly: boolean): string {
  return parts
    .filter((part) => part.text && !(touchOnly && part.keyboard))
    .map((part) => part.text)
    .join(" ");
}
