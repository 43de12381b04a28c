import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Integration tests start a real server with its own database; give start-up room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
