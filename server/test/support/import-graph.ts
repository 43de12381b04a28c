/**
 * The server's house rules, read off its import graph: which folder of server/src may import
 * which (docs/architecture.md), and that no two folders import each other round a loop.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** What a folder of server/src is for; a folder not listed here fails the check until it is placed. */
export type Part = "kernel" | "access" | "auth" | "infrastructure" | "feature" | "wiring";

export const partOf: Record<string, Part> = {
  // Files at the top of server/src (config, errors, logger, database failures) are the kernel,
  // except the three that wire the app together.
  "(top)": "kernel",
  "server.ts": "wiring",
  "app.ts": "wiring",
  "main.ts": "wiring",
  "demo-data": "wiring",
  access: "access",
  auth: "auth",
  collab: "infrastructure",
  realtime: "infrastructure",
  http: "infrastructure",
  jobs: "infrastructure",
  account: "feature",
  actions: "feature",
  audit: "feature",
  cases: "feature",
  comments: "feature",
  consent: "feature",
  documents: "feature",
  invitations: "feature",
  meetings: "feature",
  notifications: "feature",
  team: "feature",
};

/** Which parts each part may import (besides the packages and itself). */
const mayImport: Record<Part, readonly Part[]> = {
  kernel: ["kernel"],
  access: ["kernel", "access", "auth"],
  auth: ["kernel", "access", "auth"],
  infrastructure: ["kernel", "access", "auth", "infrastructure"],
  feature: ["kernel", "access", "auth", "infrastructure", "feature"],
  wiring: ["kernel", "access", "auth", "infrastructure", "feature", "wiring"],
};

export interface Import {
  from: string; // path under server/src
  to: string;
}

/** The folder (or top-level file) a path under server/src belongs to. */
export function folderOf(file: string): string {
  const [first, ...rest] = file.split("/");
  if (rest.length > 0) return first!;
  return partOf[first!] ? first! : "(top)";
}

/** Every relative import (static, re-export, dynamic, type-only too) between files of server/src, tests left out. */
export function importsUnder(srcDir: string): Import[] {
  const files = (readdirSync(srcDir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const found: Import[] = [];
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;
  for (const from of files) {
    const text = readFileSync(path.join(srcDir, from), "utf8");
    for (const match of text.matchAll(specifier)) {
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(from), match[1]!)).replace(/\.js$/, ".ts");
      if (!to.startsWith("../")) found.push({ from, to });
    }
  }
  return found;
}

/** Imports that break the direction rules, and folders not yet given a part, in words. */
export function directionBreaks(imports: readonly Import[]): string[] {
  const breaks: string[] = [];
  const unplaced = new Set<string>();
  for (const { from, to } of imports) {
    const [a, b] = [folderOf(from), folderOf(to)];
    const [partA, partB] = [partOf[a], partOf[b]];
    if (!partA) unplaced.add(a);
    if (!partB) unplaced.add(b);
    if (!partA || !partB || a === b) continue;
    if (!mayImport[partA].includes(partB)) breaks.push(`${from} (${partA}) imports ${to} (${partB})`);
  }
  for (const folder of unplaced) breaks.push(`server/src/${folder}/ is not placed in the house rules (test/support/import-graph.ts)`);
  return breaks;
}

/** Loops between folders, each as "a → b → a". */
export function folderCycles(imports: readonly Import[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  }
  const cycles = new Set<string>();
  const state = new Map<string, "visiting" | "done">();
  const trail: string[] = [];
  const visit = (node: string) => {
    state.set(node, "visiting");
    trail.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (state.get(next) === "visiting") cycles.add([...trail.slice(trail.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(node, "done");
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles];
}
