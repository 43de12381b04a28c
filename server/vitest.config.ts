import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Integration tests start a real server with its own database; give start-up room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Files side by side (vitest's default on two cores is one at a time). Much of a file's time
    // is waiting (sockets, timers, the database), and every file has a database of its own: a
    // PGlite directory, or on real Postgres a database of its own, whose work is done by
    // Postgres's own processes, so that pass takes one more. See docs/adr/0029.
    maxWorkers: process.env.DATABASE_URL ? 3 : 2,
  },
});
