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
    exclude: ["**/node_modules/**", ...(process.env.DATABASE_URL ? onPgliteOnly : [])],
    maxWorkers: process.env.DATABASE_URL ? 3 : 2,
  },
});
