/**
 * The built client is sent compressed (docs/adr/0020): the build writes a brotli and a gzip copy
 * of each asset, and the server sends the one the browser accepts, with the headers that make
 * caches and browsers read it right. Hashed assets are cached for good; the page is not.
 */
import { request } from "node:http";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { useServerWithBuiltClient } from "./support/built-client.js";

const script = `console.log(${JSON.stringify("a care plan ".repeat(500))});\n`;
const styles = `.rt-main { margin: 0 auto; }\n`.repeat(200);

// A built client in miniature, as client/build/precompress.ts leaves it.
const server = useServerWithBuiltClient({
  "index.html": "<!doctype html><title>Roundtable</title>",
  ...Object.fromEntries(
    (
      [
        ["index-abc123.js", script],
        ["index-abc123.css", styles],
      ] as const
    ).flatMap(([name, content]) => [
      [`assets/${name}`, content],
      [`assets/${name}.br`, brotliCompressSync(content)],
      [`assets/${name}.gz`, gzipSync(content)],
    ]),
  ),
});

/** A GET with these headers, read raw: Node's fetch would undo the compression for us. */
function get(p: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url()}${p}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("compressed assets", () => {
  it("sends brotli to a browser that accepts it, with Content-Encoding, Vary, the script's type and the compressed length", async () => {
    const res = await get("/assets/index-abc123.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toContain("Accept-Encoding");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("sends gzip when that is all the browser accepts, and CSS as CSS", async () => {
    const res = await get("/assets/index-abc123.css", { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toMatch(/^text\/css/);
    expect(res.headers.vary).toContain("Accept-Encoding");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(gunzipSync(res.body).toString()).toBe(styles);
  });

  it("sends the file as it is to a client that accepts neither, still saying the answer varies", async () => {
    const res = await get("/assets/index-abc123.js");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe(script);
    expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(script));
    // A shared cache must not hand this uncompressed copy to everyone, nor a compressed one to this client.
    expect(res.headers.vary).toContain("Accept-Encoding");
  });

  it("never lets the page itself be cached without asking again, at its address or any screen's", async () => {
    for (const p of ["/", "/signin", "/documents/0b7c3f3e-5c4e-4a39-9d59-8d2f9a7a6b11"]) {
      const res = await get(p, { "accept-encoding": "br, gzip" });
      expect([p, res.status, res.headers["cache-control"]]).toEqual([p, 200, "no-cache"]);
      expect(res.body.toString()).toContain("<title>Roundtable</title>");
    }
  });
});
