/**
 * Fetch again on a timer and when the person comes back to the window, for views that news of
 * changes does not fully cover (a service-wide list hears only about some cases). Nothing is
 * fetched while the tab is hidden; coming back to it fetches at once.
 */
import { useEffect, useRef } from "react";

export function useRefreshWhileOpen(refresh: () => void, everyMs: number): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });

  useEffect(() => {
    const whenVisible = () => {
      if (document.visibilityState === "visible") latest.current();
    };
    const timer = window.setInterval(whenVisible, everyMs);
    window.addEventListener("focus", whenVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", whenVisible);
    };
  }, [everyMs]);
}
