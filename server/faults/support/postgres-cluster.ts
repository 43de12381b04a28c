/**
 * A throwaway Postgres cluster for fault scenarios: initdb into a temporary directory, started
 * with pg_ctl on a spare port, so a test can stop it (fast or immediate), restart it and throw
 * it away without touching any shared database. initdb refuses to run as root, so as root the
 * commands run as the `postgres` user on a directory it owns.
 */
import { execFile } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../test/support/child-server.js";

const run = promisify(execFile);
const bin = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type StopMode = "fast" | "immediate";

export interface PostgresCluster {
  /** postgres://postgres@127.0.0.1:port/postgres — the admin database. */
  adminUrl: string;
  port: number;
  start(): Promise<void>;
  stop(mode: StopMode): Promise<void>;
  restart(mode: StopMode): Promise<void>;
  /** Start it if a scenario left it stopped. */
  ensureRunning(): Promise<void>;
  destroy(): Promise<void>;
}

function asPostgres(command: string, args: string[]): Promise<{ stdout: string }> {
  const asRoot = process.getuid?.() === 0;
  const file = asRoot ? "runuser" : command;
  const argv = asRoot ? ["-u", "postgres", "--", command, ...args] : args;
  return run(file, argv, { timeout: 120_000 });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "roundtable-faults-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  await asPostgres(`${bin}/initdb`, ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  // fsync off: a scenario stops Postgres, never the machine, so the OS still has every write.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const pgCtl = (...args: string[]) => asPostgres(`${bin}/pg_ctl`, ["-D", dataDir, "-w", "-t", "60", ...args]);
  let running = false;
  const cluster: PostgresCluster = {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await pgCtl("-o", options, "-l", path.join(dir, "postgres.log"), "start");
      running = true;
    },
    async stop(mode) {
      await pgCtl("-m", mode, "stop");
      running = false;
    },
    async restart(mode) {
      await pgCtl("-m", mode, "-o", options, "-l", path.join(dir, "postgres.log"), "restart");
      running = true;
    },
    async ensureRunning() {
      if (!running) await cluster.start();
    },
    async destroy() {
      if (running) await pgCtl("-m", "immediate", "stop").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
