/**
 * Vitest global set-up (server tests, fault scenarios, browser tests): builds the server once per
 * run (server/build.mjs, a second or two) so every test that starts it as its own process runs the
 * compiled code, as `pnpm start` does, and runs what is in the checkout now, never an old build.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The server folder whose build tests start: this checkout's, or SERVER_DIR's (see child-server.ts). */
export const serverDir = process.env.SERVER_DIR ?? fileURLToPath(new URL("../..", import.meta.url));

/** What tests run: `node <builtServer>`. */
export const builtServer = path.join(serverDir, "dist", "main.js");

export default function buildServer(): void {
  execFileSync(process.execPath, ["build.mjs"], { cwd: serverDir, stdio: "inherit" });
}
