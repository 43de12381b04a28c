import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Builds the server once (server/build.mjs): each test starts the compiled server, as pnpm start does.
    globalSetup: ["../server/test/support/build-server.ts"],
    // Deadlines against a hang, not measures of speed: generous, as the machine may be shared.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
