/**
 * Vite config for the browser client. In development the API, the collab websocket and
 * socket.io are proxied to the server on port 3000, so the app and its cookie share one origin
 * just as they do in production (where the server serves `dist`).
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const server = "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
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
    rollupOptions: {
      onwarn(warning, warn) {
        // zod (reached through @roundtable/domain) has explanatory comments that mention
        // `@__PURE__`; Rollup drops them with a warning that is not ours to fix.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/zod/")) return;
        warn(warning);
      },
      output: {
        // The editor page's libraries, split so phones can cache them separately from our code.
        manualChunks(id) {
          if (!id.includes("node_modules")) return undefined;
          if (/[\\/](@tiptap|prosemirror-[a-z]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/.test(id)) return "editor";
          if (/[\\/](yjs|y-websocket|y-indexeddb|y-protocols|lib0)[\\/]/.test(id)) return "collab";
          return undefined;
        },
      },
    },
  },
});
