/**
 * How `pnpm start` runs the server (server/package.json's `start`), in one place, so that the
 * servers tests and benchmarks start run as production does and what they measure is what runs
 * (ADR 0038). A test checks that the `start` script gives each of them.
 */
export const productionRuntime = {
  /**
   * glibc reads this as the process starts: blocks of 128 KB or more are mappings of their own,
   * so the memory V8 frees after compiling PGlite goes back to the system.
   */
  env: { MALLOC_MMAP_THRESHOLD_: "131072" } as Readonly<Record<string, string>>,
};

/** The settings of productionRuntime this process was not started with, in words for the log. */
export function missingRuntimeSettings(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(productionRuntime.env)
    .filter(([name]) => !env[name])
    .map(([name, value]) => `${name}=${value}`);
}
