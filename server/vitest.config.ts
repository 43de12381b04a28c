import { defineConfig } from "vitest/config";

/**
 * Run on PGlite only, not again in the real-Postgres pass (docs/adr/0029, later notes): the files
 * that try the websocket and HTTP protocols themselves (malformed and flooding frames, deep
 * documents, request limits, source maps), whatever keeps the records; and the authorisation
 * matrix, which asks the same SQL of the same Postgres engine PGlite embeds, in one file that
 * took over two minutes on its own in the Postgres pass.
 */
const onPgliteOnly = [
  "test/collab-fuzz.test.ts",
  "test/awareness-amplification.test.ts",
  "test/deep-nesting.test.ts",
  "test/hardening-requests.test.ts",
  "test/hardening-source-maps.test.ts",
  "test/authorization-matrix.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Builds the server once, for the files that start it as its own process (child-server.ts).
    globalSetup: ["test/support/build-server.ts"],
    exclude: ["**/node_modules/**", ...(process.env.DATABASE_URL ? onPgliteOnly : [])],
    maxWorkers: process.env.DATABASE_URL ? 3 : 2,
    // Each worker keeps the modules it has loaded from one file to the next instead of loading the
    // whole server again for each (3.5 s a file): every file starts its own server on its own
    // database, and the server keeps its state in what startServer makes, not in modules. On
    // 2026-12-07 the PGlite pass took 5 min 46 s this way and 7 min 55 s isolated (docs/adr/0029).
    isolate: false,
  },
});
