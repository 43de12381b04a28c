/**
 * Starts the real Roundtable server (with the built client) on a free port and a fresh
 * embedded database (a copy of one already migrated), as a separate process, the way `pnpm start` runs it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { copyMigratedPglite } from "@roundtable/db/testing";
import { productionRuntime } from "../../server/src/runtime-settings.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const serverDir = path.join(repoRoot, "server");
const clientDist = path.join(repoRoot, "client", "dist");

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** `extraEnv`: settings beyond the defaults, such as SMTP_URL for a test that reads the email. */
export async function startAppServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<AppServer> {
  if (!existsSync(path.join(clientDist, "index.html"))) {
    throw new Error("The client is not built: run `pnpm --filter @roundtable/client build` first (pnpm test does this).");
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "roundtable-e2e-"));
  // A copy of a migrated PGlite made once, not a new one per server (see pglite-template.ts).
  await copyMigratedPglite(dataDir);
  const port = await freePort();
  // As `pnpm start` runs the server (ADR 0038).
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", CLIENT_DIST: clientDist, ...productionRuntime.env, ...extraEnv };
  delete env.DATABASE_URL;
  // Built once per run by the global set-up (vitest.config.ts).
  const child: ChildProcess = spawn(process.execPath, ["--enable-source-maps", path.join(serverDir, "dist", "main.js")], { cwd: serverDir, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a machine shared with other builds, start-up (PGlite, migrations, demo data)
  // has been seen to take over 70 s. This guards against a server that never starts.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start-up:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`The server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
