/**
 * A Vite plugin that writes a brotli (.br) and a gzip (.gz) copy beside every built asset that
 * compresses, once, at build time, at the highest settings (too slow to do per request). The
 * server sends the copy the browser accepts, with Content-Encoding and Vary: Accept-Encoding
 * (docs/adr/0020). Only assets/ is compressed: index.html is under a kilobyte and never cached.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin, ResolvedConfig } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text types worth compressing; images and fonts are already compressed. */
const compressible = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this, the headers cost more than the bytes saved. */
const minBytes = 1024;

export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "roundtable-precompress",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const assets = path.resolve(config.root, config.build.outDir, config.build.assetsDir);
      const files = await filesUnder(assets);
      let before = 0;
      let after = 0;
      await Promise.all(
        files
          .filter((file) => compressible.test(file))
          .map(async (file) => {
            if ((await stat(file)).size < minBytes) return;
            const content = await readFile(file);
            const [br, gz] = await Promise.all([
              brotli(content, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                  [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
              gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
            ]);
            await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
            before += content.length;
            after += br.length;
          }),
      );
      config.logger.info(`precompressed ${Math.round(before / 1024)} kB of assets to ${Math.round(after / 1024)} kB (brotli), with gzip beside`);
    },
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : Promise.resolve([full]);
    }),
  );
  return nested.flat();
}
