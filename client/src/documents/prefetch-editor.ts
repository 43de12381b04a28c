/**
 * Signed in anywhere but a document or a meeting, the document page's code (with the editor) is
 * fetched into the browser's cache once the page is idle (ADR 0031), so a plan opened next waits
 * only for the document itself. Fetched, not run: nothing costs the phone's processor until a
 * document opens, and a failed fetch leaves nothing behind to fail later. Not done when the
 * browser asks to save data.
 */

/** The build's list of each lazily loaded screen's scripts (client/build/first-paint.ts). */
const routePreloadsAddress = "/route-preloads.json";

function documentScripts(preloads: unknown): string[] {
  const scripts = (preloads as { document?: { scripts?: unknown } } | null)?.document?.scripts;
  if (!Array.isArray(scripts)) return [];
  return scripts.filter((href): href is string => typeof href === "string" && href.startsWith("/assets/"));
}

async function prefetchDocumentPage(): Promise<void> {
  const response = await fetch(routePreloadsAddress, { credentials: "same-origin" });
  if (!response.ok) return;
  for (const href of documentScripts(await response.json())) {
    if (document.head.querySelector(`link[href="${href}"]`)) continue;
    const link = document.createElement("link");
    link.rel = "prefetch";
    link.href = href;
    link.crossOrigin = "anonymous"; // as the module script will ask for it
    document.head.append(link);
  }
}

/** Schedules the prefetch for when the page is idle; returns a way to call it off. */
export function prefetchEditorWhenIdle(): () => void {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData) return () => {};
  const run = () => void prefetchDocumentPage().catch(() => undefined); // only ever a head start
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(run, { timeout: 10_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 3000);
  return () => window.clearTimeout(id);
}
