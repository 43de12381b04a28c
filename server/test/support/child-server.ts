/**
 * Runs the built server (dist/main.js, built by the run's global set-up, build-server.ts) as a
 * separate process — the way `pnpm start` does — so a test can kill it with SIGKILL and start it
 * again on the same data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { productionRuntime } from "../../src/runtime-settings.js";
import { builtServer, serverDir } from "./build-server.js";
import { waitFor } from "./wait-for.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface ChildServer {
  url: string;
  process: ChildProcess;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Everything it has written to stdout and stderr so far. */
  output(): string;
}

export interface ChildStorage {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

export interface ChildOptions {
  /** More node flags (after SERVER_NODE_ARGS'). */
  nodeArgs?: string[] | undefined;
  /**
   * Start it in a session of its own (setsid). Where the kernel groups processes by session for
   * fair scheduling (sched_autogroup), it then gets a share of the CPU of its own rather than
   * splitting one with the process that started it and that process's other children.
   */
  ownSession?: boolean | undefined;
}

export async function startChildServer(storage: ChildStorage, port: number, extraEnv: NodeJS.ProcessEnv = {}, options: ChildOptions = {}): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    CLIENT_DIST: "/nonexistent",
    // As `pnpm start` runs it (ADR 0038), so what tests and benchmarks measure is what runs.
    ...productionRuntime.env,
    ...extraEnv,
  };
  if (storage.databaseUrl) env.DATABASE_URL = storage.databaseUrl;
  else {
    delete env.DATABASE_URL;
    env.DATA_DIR = storage.dataDir;
  }
  // e.g. SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under a benchmark
  const nodeArgs = [...(process.env.SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ...(options.nodeArgs ?? [])];
  const child = spawn(process.execPath, [...nodeArgs, "--enable-source-maps", builtServer], { cwd: serverDir, env, stdio: ["ignore", "pipe", "pipe"], detached: options.ownSession ?? false });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // A server that exits as it starts (a configuration it refuses) ends the wait at once.
  const started = await waitFor(
    async () => (child.exitCode !== null ? "exited" : (await fetch(`${url}/api/health`).catch(() => null))?.ok && "answering"),
    { timeoutMs: 60_000, intervalMs: 100, what: "the server to start" },
  );
  if (started === "exited") throw new Error(`The server exited with ${child.exitCode} as it started: ${output}`);
  return {
    url,
    process: child,
    output: () => output,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
