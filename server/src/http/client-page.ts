/**
 * The built client's page (index.html), served at every address of the single-page app, and
 * tailored to the address for a fast first page on a slow phone (docs/adr/0030): opened at a
 * document or a meeting, the page names that screen's scripts and styles and the API answers it
 * starts with, so the browser fetches them beside the app's own script rather than one after
 * another once it has run. Nothing is decided here about who may see what: the API answers the
 * preloaded requests exactly as it would the app's own (they are the same requests, with the
 * same cookie), and refuses them the same way.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** What the client's build says each lazily loaded screen needs (client/build/first-paint.ts). */
type RoutePreloads = Record<"document" | "meeting", { scripts: string[]; styles: string[] }>;

/** Ids are UUIDs; anything else in the address is not named in the page. */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Content-Security-Policy sources that allow exactly the inline elements `tag` of the built
 * page, by their SHA-256 (no 'unsafe-inline'): its static shell's <style> and the <script> that
 * opens a document's collab connection early (docs/adr/0031). Elements with attributes (the
 * app's own `<script type="module" src>`) are not inline code and are not counted.
 */
export function inlineHashes(html: string, tag: "style" | "script"): string[] {
  return [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].map(
    ([, text]) => `'sha256-${createHash("sha256").update(text ?? "").digest("base64")}'`,
  );
}

/** The built page's inline style and script hashes, read once at start (none if it is not built). */
export function builtPageHashes(dist: string): { pageStyleHashes: string[]; pageScriptHashes: string[] } {
  try {
    const html = readFileSync(path.join(dist, "index.html"), "utf8");
    return { pageStyleHashes: inlineHashes(html, "style"), pageScriptHashes: inlineHashes(html, "script") };
  } catch {
    return { pageStyleHashes: [], pageScriptHashes: [] };
  }
}

/** The links that let the browser start on what a screen at `pathname` needs, before the app runs. */
export function preloadLinks(pathname: string, preloads: RoutePreloads): string[] {
  const [, first, id, ...rest] = pathname.split("/");
  if (rest.length > 0 || id === undefined || !uuid.test(id)) return [];
  const screen = first === "documents" ? "document" : first === "meetings" ? "meeting" : null;
  if (screen === null) return [];
  const { scripts, styles } = preloads[screen];
  // The app's fetches are same-origin with credentials "same-origin": `crossorigin` (anonymous)
  // asks for the same, so the browser hands the preloaded answer to the app's request.
  return [
    `<link rel="preload" as="fetch" crossorigin href="/api/me">`,
    `<link rel="preload" as="fetch" crossorigin href="/api/${first}/${id}">`,
    ...scripts.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    ...styles.map((href) => `<link rel="preload" as="style" crossorigin href="${href}">`),
  ];
}

/** index.html for `pathname`, read afresh each time (a rebuild changes it; it is under 2 KB). */
export async function clientPage(dist: string, pathname: string): Promise<string> {
  const html = await readFile(path.join(dist, "index.html"), "utf8");
  const preloads = await readFile(path.join(dist, "route-preloads.json"), "utf8").then(
    (text) => JSON.parse(text) as RoutePreloads,
    () => null,
  );
  const links = preloads ? preloadLinks(pathname, preloads) : [];
  if (links.length === 0) return html;
  return html.replace("</head>", `  ${links.join("\n    ")}\n  </head>`);
}
