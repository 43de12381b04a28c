/**
 * A server serving a built client in miniature: the files a test writes into a fresh `dist`
 * folder, as the client's build would leave them. One server a test file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { RunningServer } from "../../src/server.js";
import { createTestStorage, startTestServer, type TestStorage } from "./test-server.js";

/** `files`: path under dist → content. Returns the server's base URL once the tests run. */
export function useServerWithBuiltClient(files: Record<string, string | Buffer>): { url(): string } {
  let dist: string;
  let storage: TestStorage;
  let server: RunningServer;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), "roundtable-dist-"));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dist, name)), { recursive: true });
      writeFileSync(path.join(dist, name), content);
    }
    storage = await createTestStorage();
    storage.config = { ...storage.config, clientDist: dist };
    server = await startTestServer(storage);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
    rmSync(dist, { recursive: true, force: true });
  });
  return { url: () => server.url };
}
