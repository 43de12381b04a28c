/** The house rules hold: imports run one way between the server's folders, and never round a loop. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { directionBreaks, folderCycles, importsUnder } from "./support/import-graph.js";

const srcDir = fileURLToPath(new URL("../src", import.meta.url));

describe("server/src import direction", () => {
  const imports = importsUnder(srcDir);

  it("reads the import graph", () => {
    // A reader that found nothing would pass every rule below.
    expect(imports.length).toBeGreaterThan(100);
    expect(imports).toContainEqual({ from: "app.ts", to: "meetings/meeting-routes.ts" });
  });

  it("has no services/ or routes/ grab-bag, and every folder is placed", () => {
    expect(directionBreaks(imports).filter((b) => b.includes("not placed"))).toEqual([]);
  });

  it("never imports a feature from infrastructure, or infrastructure from access or auth", () => {
    expect(directionBreaks(imports)).toEqual([]);
  });

  it("has no cycle between folders", () => {
    expect(folderCycles(imports)).toEqual([]);
  });

  it("would catch a wrong-way import, an unplaced folder and a loop", () => {
    const broken = [
      { from: "collab/room.ts", to: "meetings/meetings.ts" },
      { from: "services/x.ts", to: "access/access.ts" },
      { from: "meetings/a.ts", to: "actions/b.ts" },
      { from: "actions/b.ts", to: "meetings/c.ts" },
    ];
    expect(directionBreaks(broken)).toEqual([
      "collab/room.ts (infrastructure) imports meetings/meetings.ts (feature)",
      "server/src/services/ is not placed in the house rules (test/support/import-graph.ts)",
    ]);
    expect(folderCycles(broken)).toEqual(["actions → meetings → actions"]);
  });

  it("reads imports however they are written", () => {
    const root = mkdtempSync(path.join(tmpdir(), "import-graph-"));
    const src = path.join(root, "src");
    try {
      mkdirSync(path.join(src, "collab"), { recursive: true });
      writeFileSync(
        path.join(src, "collab", "sneaky.ts"),
        [
          'import { a } from "../../src/meetings/a.js";',
          "export * from '../actions/b.js';",
          'const later = () => import(/* a comment */ "../team/c.js");',
          'import type {',
          '  D,',
          '} from "../audit/d.js"; import "../cases/e.js";',
          'import { f } from "#feature/f";',
        ].join("\n"),
      );
      const found = importsUnder(src);
      expect(new Set(found.map((i) => i.from))).toEqual(new Set(["collab/sneaky.ts"]));
      expect(found.map((i) => i.to).sort()).toEqual(["(unresolved)", "actions/b.ts", "audit/d.ts", "cases/e.ts", "meetings/a.ts", "team/c.ts"]);
      expect(directionBreaks(found)).toHaveLength(6);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
