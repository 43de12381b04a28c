/**
 * The map drawing worker started from source (vitest, tsx, the benchmarks): compiles its
 * TypeScript with tsx inside the worker's thread, which a Node 20 worker cannot be given as a
 * loader flag. The built server starts dist/map-drawing-worker.js instead (build.mjs).
 */
import { tsImport } from "tsx/esm/api";

await tsImport("./map-drawing-worker.ts", import.meta.url);
