import { defineConfig } from "vitest/config";

// pnpm test:faults: fault-injection scenarios that start their own databases; run one file at a time.
export default defineConfig({
  test: { include: ["faults/**/*.test.ts"], globalSetup: ["test/support/build-server.ts"], testTimeout: 600_000, hookTimeout: 180_000, fileParallelism: false },
});
