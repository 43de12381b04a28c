/**
 * Links to an action end in "#action-<id>". Once the document is on screen, bring that action
 * into view and mark it for a few seconds, so the person sees what the link was about.
 */
import { useEffect } from "react";

const actionHash = /^#action-[0-9a-zA-Z-]+$/;
const highlightMs = 4000;
const waitForCardMs = 3000;

export function actionIdInHash(hash: string): string | null {
  return actionHash.test(hash) ? hash.slice("#action-".length) : null;
}

export function useShowActionFromAddress(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const timers: number[] = [];
    let gaveUpAt = 0;

    const find = () => {
      const id = actionIdInHash(window.location.hash);
      if (!id) return;
      const card = document.getElementById(`action-${id}`);
      if (!card) {
        // Cards render just after the editor; wait a little for them.
        if (Date.now() < gaveUpAt) timers.push(window.setTimeout(find, 50));
        return;
      }
      const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      card.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
      card.dataset.highlight = "true";
      timers.push(window.setTimeout(() => delete card.dataset.highlight, highlightMs));
    };

    const start = () => {
      gaveUpAt = Date.now() + waitForCardMs;
      find();
    };
    start();
    window.addEventListener("hashchange", start);
    return () => {
      window.removeEventListener("hashchange", start);
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, [ready]);
}
