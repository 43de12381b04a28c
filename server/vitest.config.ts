import { defineConfig } from "vitest/config";

/**
 * Run on PGlite only, not again in the real-Postgres pass: they try the websocket and HTTP
 * protocols themselves (malformed and flooding frames, deep documents, request limits, source
 * maps), whatever keeps the records, and take the longest (docs/adr/0029, later note).
 */
const protocolOnly = ["test/collab-fuzz.test.ts", "test/awareness-amplification.test.ts", "test/deep-nesting.test.ts", "test/hardening-requests.test.ts", "test/hardening-source-maps.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(process.env.DATABASE_URL ? protocolOnly : [])],
    maxWorkers: process.env.DATABASE_URL ? 3 : 2,
  },
});
