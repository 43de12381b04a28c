/**
 * `pnpm --filter @roundtable/server build`: the server as one JavaScript file, dist/main.js, so
 * `pnpm start` and the browser tests run compiled code instead of compiling TypeScript through a
 * loader on every start (docs/adr/0002, later notes).
 *
 * Our own code (server/src and the workspace packages, which ship TypeScript) goes into the
 * bundle. Every other package stays outside it and is imported from where pnpm installed it for
 * the package that imports it: esbuild resolves the import as that package would (ES module
 * entry points, so a library such as yjs is loaded once, as one module) and the bundle imports
 * the file by its absolute path. Code that finds files beside itself (`new URL(…, import.meta.url)`:
 * migrations, the PGlite worker, the built client) keeps its own file's address, so it finds
 * them where they are in the checkout. The bundle is therefore for this checkout only; it is
 * made again by each `pnpm start` and each test run.
 *
 * The map drawing worker (docs/adr/0037) is a second entry point, dist/map-drawing-worker.js, a
 * bundle of its own that a worker thread runs; the server finds it through the constant
 * ROUNDTABLE_MAP_DRAWING_WORKER defined here (run from source, it is undefined, and the worker's
 * TypeScript is compiled by tsx instead).
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const serverDir = path.dirname(fileURLToPath(import.meta.url));
const ours = /^@roundtable\//;

/** Imports of installed packages: left out of the bundle, at the file esbuild resolves them to. */
const installedPackages = {
  name: "installed-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("node:") || ours.test(args.path) || args.pluginData === "resolving") return undefined;
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "resolving" });
      if (found.errors.length > 0) return { errors: found.errors };
      // A Node built-in named without "node:" (esbuild marks those external itself).
      if (found.external) return { path: args.path, external: true };
      return { path: pathToFileURL(found.path).href, external: true };
    });
  },
};

/** Our files keep their own `import.meta.url`, not the bundle's. */
const ownFileAddress = {
  name: "own-file-address",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return { contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};

const started = performance.now();
const distDir = path.join(serverDir, "dist");
// Written beside each file and renamed over it, never rewritten in place: a test run may start the
// server from dist/ while another run (the fault scenarios beside the Postgres pass, .ci/run) builds it.
const { outputFiles } = await build({
  write: false,
  entryPoints: { main: path.join(serverDir, "src/main.ts"), "map-drawing-worker": path.join(serverDir, "src/network-map/map-drawing-worker.ts") },
  outdir: distDir,
  define: { ROUNDTABLE_MAP_DRAWING_WORKER: JSON.stringify(pathToFileURL(path.join(distDir, "map-drawing-worker.js")).href) },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [installedPackages, ownFileAddress],
});
await mkdir(distDir, { recursive: true });
for (const file of outputFiles) {
  const beside = `${file.path}.${process.pid}.tmp`;
  await writeFile(beside, file.contents);
  await rename(beside, file.path);
}
console.log(`built server/dist/main.js and map-drawing-worker.js in ${Math.round(performance.now() - started)} ms`);
