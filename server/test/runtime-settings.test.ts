import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { missingRuntimeSettings, productionRuntime } from "../src/runtime-settings.js";

describe("how the server runs in production", () => {
  it("is how `pnpm start` runs it: every setting the tests and benchmarks start it with", () => {
    const start = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: { start: string } }).scripts.start;
    const launch = start.slice(start.lastIndexOf("&&") + 2).trim().split(/\s+/);
    const env = Object.fromEntries(launch.filter((word) => /^[A-Z_]+=/.test(word)).map((word) => word.split("=") as [string, string]));
    expect(launch).toContain("node");
    expect(missingRuntimeSettings(env)).toEqual([]);
    for (const [name, value] of Object.entries(productionRuntime.env)) expect(env[name]).toBe(value);
  });

  it("names each setting a process was started without", () => {
    expect(missingRuntimeSettings({})).toEqual(["MALLOC_MMAP_THRESHOLD_=131072"]);
    expect(missingRuntimeSettings({ MALLOC_MMAP_THRESHOLD_: "65536" })).toEqual([]);
  });
});
