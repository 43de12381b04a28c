/**
 * A Vite plugin for a fast first page on a slow phone (docs/adr/0030):
 *
 * - The stylesheet moves from the head to just after the page's static shell (index.html's
 *   header and "Loading…" line, styled by a small inline <style>), so the shell paints as soon as
 *   the HTML arrives; what follows the stylesheet, the app, still waits for it (a module script
 *   does not run before the stylesheets above it have loaded).
 * - At a document's address the page opens the document's collab connection itself, before the
 *   app arrives (an inline script in the head, src/realtime/early-collab-script.ts; ADR 0031).
 * - It writes `route-preloads.json`: the scripts and stylesheets the document and meeting pages
 *   load lazily, so the server can name them in the HTML of those addresses and the browser
 *   fetches them beside the app's own script instead of after it has run.
 */
import type { Plugin, Rollup } from "vite";
import { earlyCollabScript } from "../src/realtime/early-collab-script";

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** The lazily loaded pages, by the name the server knows them by, and their source module. */
const lazyPages = {
  document: "/src/documents/DocumentPage.tsx",
  meeting: "/src/meetings/MeetingPage.tsx",
} as const;

export type RoutePreloads = Record<keyof typeof lazyPages, { scripts: string[]; styles: string[] }>;

export const routePreloadsFile = "route-preloads.json";

export function firstPaint(): Plugin {
  return {
    name: "roundtable-first-paint",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        const lines = html.split("\n");
        const isStylesheet = (line: string) => /^\s*<link rel="stylesheet"[^>]*>\s*$/.test(line);
        const stylesheets = lines.filter(isStylesheet).map((line) => line.trim());
        if (stylesheets.length === 0) return html;
        const moved = lines.filter((line) => !isStylesheet(line)).join("\n");
        const shellEnd = "<!-- end of the shell -->";
        if (!moved.includes(shellEnd)) throw new Error(`index.html has no "${shellEnd}" marker for the stylesheet to follow`);
        return {
          html: moved.replace(shellEnd, `${shellEnd}\n    ${stylesheets.join("\n    ")}`),
          tags: [{ tag: "script", children: earlyCollabScript(), injectTo: "head" }],
        };
      },
    },
    generateBundle(_options, bundle) {
      const preloads = Object.fromEntries(
        Object.entries(lazyPages).map(([name, source]) => [name, preloadsOf(bundle, source)]),
      ) as RoutePreloads;
      this.emitFile({ type: "asset", fileName: routePreloadsFile, source: `${JSON.stringify(preloads, null, 2)}\n` });
    },
  };
}

/** The chunk built from `source`, with every chunk it imports (not those it imports lazily). */
function preloadsOf(bundle: OutputBundle, source: string): { scripts: string[]; styles: string[] } {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === "chunk");
  const page = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(source));
  if (!page) throw new Error(`No chunk was built for ${source}`);
  const entryImports = new Set(chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [chunk.fileName, ...chunk.imports]));
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (fileName: string) => {
    if (scripts.has(fileName) || entryImports.has(fileName)) return;
    const chunk = bundle[fileName];
    if (chunk?.type !== "chunk") return;
    scripts.add(fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const imported of chunk.imports) visit(imported);
  };
  visit(page.fileName);
  return { scripts: [...scripts].map((file) => `/${file}`), styles: [...styles].map((file) => `/${file}`) };
}
