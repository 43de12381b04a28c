/**
 * Vite config for the browser client. In development the API, the collab websocket and
 * socket.io are proxied to the server on port 3000, so the app and its cookie share one origin
 * just as they do in production (where the server serves `dist`).
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { firstPaint } from "./build/first-paint";
import { precompress } from "./build/precompress";

const server = "http://localhost:3000";

export default defineConfig({
  plugins: [react(), firstPaint(), precompress()],
  server: {
    proxy: {
      "/api": { target: server },
      "/collab": { target: server, ws: true },
      "/socket.io": { target: server, ws: true },
    },
  },
  build: {
    outDir: "dist",
    // Source maps carry the full source: built (and served, see the server's SERVE_SOURCE_MAPS)
    // only when asked for, e.g. to debug a production build.
    sourcemap: process.env.SERVE_SOURCE_MAPS === "true",
    // nhsuk-frontend ships minified CSS with old-IE media hacks that esbuild's minifier warns
    // about; our own CSS is a few kilobytes, so it is left as written.
    cssMinify: false,
    // One stylesheet for every page (the document and meeting pages add some 20 kB, 5 kB
    // compressed). It sits after the page's static shell (build/first-paint.ts), so a lazily
    // loaded page's own stylesheet, which Vite appends to the head, would come before it and lose
    // to the NHS.UK rules it overrides (docs/adr/0030).
    cssCodeSplit: false,
    // The editor's chunk (Tiptap, ProseMirror, Yjs) is over 500 kB but loads only with a document
    // or a meeting, compressed to under 200 kB; the first page does not wait for it.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod (reached through @roundtable/domain) has explanatory comments that mention
        // `@__PURE__`; Rollup drops them with a warning that is not ours to fix.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/zod/")) return;
        warn(warning);
      },
      output: {
        // React, which every page needs and which changes less often than our code, in a chunk of
        // its own that phones keep cached across releases. The editor's libraries (Tiptap, Yjs)
        // are left to Rollup: it puts them with the lazily loaded document and meeting pages.
        // Naming them in a chunk here (as before) made Rollup import that chunk from the entry,
        // for module order, so the sign-in page downloaded the whole editor (docs/adr/0020).
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return "react";
          return undefined;
        },
      },
    },
  },
});
