/**
 * The client's source maps hold its full source: the server does not hand them out unless
 * SERVE_SOURCE_MAPS=true, though it serves the client itself as always.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../src/config.js";
import { useTestServers } from "./support/test-server.js";

let dist: string;

beforeAll(async () => {
  // A built client in miniature: a page, a script, and the script's source map.
  dist = mkdtempSync(path.join(tmpdir(), "roundtable-dist-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Roundtable</title>");
  writeFileSync(path.join(dist, "assets", "index-abc123.js"), "console.log(1);\n");
  writeFileSync(path.join(dist, "assets", "index-abc123.js.map"), JSON.stringify({ version: 3, sourcesContent: ["// the whole source"] }));
});
afterAll(async () => {
  rmSync(dist, { recursive: true, force: true });
});

const servingSourceMaps = (serveSourceMaps: boolean) => ({ configure: (config: Config) => Object.assign(config, { clientDist: dist, serveSourceMaps }) });
const [byDefault, configured] = useTestServers(servingSourceMaps(loadConfig({}).serveSourceMaps), servingSourceMaps(true));

const get = async (base: string, p: string) => {
  const res = await fetch(`${base}${p}`);
  return { status: res.status, body: await res.text() };
};

describe("source maps", () => {
  it("are not served by default, by any spelling of the path", async () => {
    for (const p of ["/assets/index-abc123.js.map", "/assets/index-abc123.js%2emap", "/assets/index-abc123.js.MAP"]) {
      const res = await get(byDefault.url, p);
      expect([p, res.status]).toEqual([p, 404]);
      expect(res.body).not.toContain("the whole source");
    }
  });

  it("do not stop the client itself being served", async () => {
    expect(await get(byDefault.url, "/assets/index-abc123.js")).toEqual({ status: 200, body: "console.log(1);\n" });
    expect((await get(byDefault.url, "/cases")).body).toContain("<title>Roundtable</title>");
  });

  it("are served when SERVE_SOURCE_MAPS=true", async () => {
    expect(loadConfig({ SERVE_SOURCE_MAPS: "true" }).serveSourceMaps).toBe(true);
    const res = await get(configured.url, "/assets/index-abc123.js.map");
    expect(res.status).toBe(200);
    expect(res.body).toContain("the whole source");
  });
});
