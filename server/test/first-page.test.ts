/**
 * A fast first page on a slow phone (docs/adr/0030): the page paints a static shell styled
 * inline, which the Content-Security-Policy allows by its hash (never 'unsafe-inline'); and opened
 * at a document or a meeting it names that screen's scripts and the API answers it starts with,
 * so the browser fetches them at once instead of after the app's own script has run.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useServerWithBuiltClient } from "./support/built-client.js";

const shellStyle = "\n      .rt-shell__header { background-color: #005eb8; }\n    ";
const documentId = "00633063-d8b7-4759-b092-1891396c7cbb";

// A built client in miniature, as client/build/first-paint.ts leaves it.
const server = useServerWithBuiltClient({
  "index.html": `<!doctype html><html><head><title>Roundtable</title><style>${shellStyle}</style></head><body><div id="root"></div></body></html>`,
  "route-preloads.json": JSON.stringify({
    document: { scripts: ["/assets/DocumentPage-a1.js", "/assets/editor-b2.js"], styles: [] },
    meeting: { scripts: ["/assets/MeetingPage-c3.js", "/assets/editor-b2.js"], styles: ["/assets/MeetingPage-d4.css"] },
  }),
});

function links(html: string): string[] {
  return html.match(/<link [^>]*>/g) ?? [];
}

describe("the first page", () => {
  it("allows the shell's inline style by its hash, and nothing inline besides", async () => {
    const res = await fetch(`${server.url()}/signin`);
    const policy = res.headers.get("content-security-policy") ?? "";
    const styleSrc = policy.split(";").find((directive) => directive.trim().startsWith("style-src")) ?? "";
    const hash = createHash("sha256").update(shellStyle).digest("base64");
    expect(styleSrc).toContain(`'sha256-${hash}'`);
    expect(policy).not.toContain("unsafe-inline");
  });

  it("opened at a document, names the document page's scripts, who is signed in and the document", async () => {
    const res = await fetch(`${server.url()}/documents/${documentId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(links(await res.text())).toEqual([
      `<link rel="preload" as="fetch" crossorigin href="/api/me">`,
      `<link rel="preload" as="fetch" crossorigin href="/api/documents/${documentId}">`,
      `<link rel="modulepreload" crossorigin href="/assets/DocumentPage-a1.js">`,
      `<link rel="modulepreload" crossorigin href="/assets/editor-b2.js">`,
    ]);
  });

  it("opened at a meeting, names the meeting page's scripts and styles, and the meeting", async () => {
    const html = await (await fetch(`${server.url()}/meetings/${documentId}`)).text();
    expect(links(html)).toEqual([
      `<link rel="preload" as="fetch" crossorigin href="/api/me">`,
      `<link rel="preload" as="fetch" crossorigin href="/api/meetings/${documentId}">`,
      `<link rel="modulepreload" crossorigin href="/assets/MeetingPage-c3.js">`,
      `<link rel="modulepreload" crossorigin href="/assets/editor-b2.js">`,
      `<link rel="preload" as="style" crossorigin href="/assets/MeetingPage-d4.css">`,
    ]);
  });

  it("names nothing for other screens, or for an address whose id is not an id", async () => {
    for (const address of ["/signin", `/cases/${documentId}`, "/documents/not-an-id", `/documents/${documentId}/x`, "/documents/%22%3E%3Cscript%3E"]) {
      const res = await fetch(`${server.url()}${address}`);
      expect(res.status, address).toBe(200);
      expect(links(await res.text()), address).toEqual([]);
    }
  });
});
