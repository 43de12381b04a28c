import { describe, expect, it } from "vitest";
import { defaultPgliteLimits } from "@roundtable/db";
import { defaultCollabConfig, loadConfig } from "./config.js";

describe("configuration", () => {
  it("runs with no configuration at all: port 3000, embedded database under ./data", () => {
    const config = loadConfig({ INIT_CWD: "/home/keyworker/roundtable" });
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe("/home/keyworker/roundtable/data");
    expect(config.databaseUrl).toBeUndefined();
    // Writes to PGlite are not spaced out: that raised its memory at rest (ADR 0040).
    expect(config.collab).toEqual({ ...defaultCollabConfig, writeIntervalMs: 0 });
  });

  it("uses Postgres, and no data directory, when DATABASE_URL is set", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://127.0.0.1:5432/test" });
    expect(config.dataDir).toBeUndefined();
    expect(config.databaseUrl).toBe("postgres://127.0.0.1:5432/test");
    expect(config.collab.writeIntervalMs).toBe(defaultCollabConfig.writeIntervalMs);
    expect(loadConfig({ DATABASE_URL: "postgres://127.0.0.1:5432/test", COLLAB_WRITE_INTERVAL_MS: "5" }).collab.writeIntervalMs).toBe(5);
  });

  it("says which variable is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it("time-boxes embedded PGlite and keeps a free-space reserve, both configurable", () => {
    expect(loadConfig({}).pglite).toEqual(defaultPgliteLimits);
    expect(defaultPgliteLimits.minFreeBytes).toBe(64 * 1024 * 1024);
    const tuned = loadConfig({ PGLITE_REQUEST_TIMEOUT_MS: "5000", PGLITE_OPEN_TIMEOUT_MS: "60000", PGLITE_MIN_FREE_BYTES: "0" });
    expect(tuned.pglite).toEqual({ requestTimeoutMs: 5000, openTimeoutMs: 60_000, minFreeBytes: 0 });
    expect(() => loadConfig({ PGLITE_REQUEST_TIMEOUT_MS: "0" })).toThrow(/PGLITE_REQUEST_TIMEOUT_MS/);
  });

  it("lets the nesting limit be raised but never set below the editor's own", () => {
    expect(loadConfig({ COLLAB_MAX_NESTING_DEPTH: "40" }).collab.maxNestingDepth).toBe(40);
    expect(() => loadConfig({ COLLAB_MAX_NESTING_DEPTH: "8" })).toThrow(/cannot be below the editor's limit, 32/);
  });

  it("shares documents through Redis only with a Postgres database every process can reach", () => {
    expect(loadConfig({}).redis).toBeNull();
    const db = "postgres://root@127.0.0.1:5432/roundtable";
    expect(loadConfig({ DATABASE_URL: db, REDIS_URL: "redis://127.0.0.1:6379" }).redis).toEqual({ url: "redis://127.0.0.1:6379", prefix: "roundtable:" });
    expect(() => loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(/REDIS_URL needs DATABASE_URL too/);
    expect(() => loadConfig({ DATABASE_URL: db, REDIS_URL: "127.0.0.1:6379" })).toThrow(/REDIS_URL must start with redis:\/\//);
    expect(() => loadConfig({ DATABASE_URL: db, REDIS_URL: "redis://x", REDIS_PREFIX: "a b" })).toThrow(/REDIS_PREFIX/);
  });
});
