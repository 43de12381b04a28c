/**
 * The server's house rules, read off its import graph: which folder of server/src may import
 * which (docs/architecture.md), and that no two folders import each other round a loop.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** What a folder of server/src is for; a folder not listed here fails the check until it is placed. */
export type Part = "kernel" | "access" | "auth" | "infrastructure" | "feature" | "wiring" | "unresolved";

export const partOf: Record<string, Part> = {
  // Files at the top of server/src (config, errors, logger, database failures) are the kernel,
  // except the three that wire the app together.
  "(top)": "kernel",
  // An import whose target could not be placed is never allowed (see importsUnder).
  "(unresolved)": "unresolved",
  "server.ts": "wiring",
  "app.ts": "wiring",
  "main.ts": "wiring",
  "demo-data": "wiring",
  access: "access",
  auth: "auth",
  collab: "infrastructure",
  realtime: "infrastructure",
  fanout: "infrastructure",
  http: "infrastructure",
  jobs: "infrastructure",
  pdf: "infrastructure",
  account: "feature",
  actions: "feature",
  agencies: "feature",
  audit: "feature",
  cases: "feature",
  "cetr-actions": "feature",
  comments: "feature",
  "communication-needs": "feature",
  consent: "feature",
  documents: "feature",
  "easy-read": "feature",
  invitations: "feature",
  meetings: "feature",
  "network-map": "feature",
  notifications: "feature",
  register: "feature",
  reports: "feature",
  team: "feature",
  cetrs: "feature",
};

/** Which parts each part may import (besides the packages and itself). */
const mayImport: Record<Part, readonly Part[]> = {
  kernel: ["kernel"],
  access: ["kernel", "access", "auth"],
  auth: ["kernel", "access", "auth"],
  infrastructure: ["kernel", "access", "auth", "infrastructure"],
  feature: ["kernel", "access", "auth", "infrastructure", "feature"],
  wiring: ["kernel", "access", "auth", "infrastructure", "feature", "wiring"],
  unresolved: [],
};

export interface Import {
  from: string; // path under server/src
  to: string;
}

/** The folder (or top-level file) a path under server/src belongs to. */
export function folderOf(file: string): string {
  if (file === "(unresolved)") return file;
  const [first, ...rest] = file.split("/");
  if (rest.length > 0) return first!;
  return partOf[first!] ? first! : "(top)";
}

const sourceFile = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/**
 * Every import between files of server/src (static, re-export, dynamic, `import x = require`,
 * type-only too), read by TypeScript's own pre-processor, tests left out. A specifier is
 * resolved to a path first, so one that leaves src/ and comes back (`../../src/meetings/x.js`)
 * counts like any other. A bare specifier must be a package: one that names a file of src/
 * some other way (a path alias) is reported as an import from nowhere, `(unresolved)`.
 */
export function importsUnder(srcDir: string): Import[] {
  const files = (readdirSync(srcDir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join("/"))
    .filter((f) => sourceFile.test(f) && !/\.test\.[a-z]+$/.test(f) && !f.endsWith(".d.ts"));
  const found: Import[] = [];
  for (const from of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(srcDir, from), "utf8"), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith(".")) {
        if (specifier.startsWith("#") || specifier.startsWith("src/") || specifier.startsWith("@/")) found.push({ from, to: "(unresolved)" });
        continue;
      }
      const absolute = path.resolve(srcDir, path.dirname(from), specifier);
      const to = path.relative(srcDir, absolute).split(path.sep).join("/").replace(/\.(m|c)?js$/, ".$1ts");
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
