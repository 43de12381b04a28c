/**
 * The client takes one thing from the server: the API's type, for the typed calls in api.ts,
 * imported as a type only so none of the server's code can reach the bundle.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const srcDir = fileURLToPath(new URL("..", import.meta.url));
const serverDir = resolve(srcDir, "../../server");

interface ServerImport {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

/** Imports, re-exports and dynamic imports in one source file that reach into server/. */
function serverImportsIn(file: string, text: string): ServerImport[] {
  const found: ServerImport[] = [];
  const note = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    const target = specifier.text.startsWith(".") ? resolve(dirname(file), specifier.text) : specifier.text;
    const reachesServer = target.startsWith("@roundtable/server") || !relative(serverDir, target).startsWith("..");
    if (reachesServer) found.push({ file: relative(srcDir, file), specifier: specifier.text, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) note(node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    else if (ts.isExportDeclaration(node)) note(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) note(node.arguments[0], false);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  return found;
}

function clientSources(): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: "utf8" })
    .filter((path) => /\.tsx?$/.test(path))
    .map((path) => join(srcDir, path));
}

describe("imports from the server", () => {
  // Parses every client source file: a deadline against a hang, generous for a busy machine.
  it("are only the type of the API, in api.ts", { timeout: 60_000 }, () => {
    const found = clientSources().flatMap((file) => serverImportsIn(file, readFileSync(file, "utf8")));
    expect(found).toEqual([{ file: join("api", "api.ts"), specifier: "../../../server/src/app.js", typeOnly: true }]);
  });

  it("would catch a value import, a re-export and a dynamic import", () => {
    const file = join(srcDir, "cases", "x.ts");
    const text = [
      'import { createApp } from "../../../server/src/app.js";',
      'export type { AppType } from "../../../server/src/app.js";',
      'const errors = import("../../../server/src/errors.js");',
      'import { caseSummarySchema } from "@roundtable/domain";',
    ].join("\n");
    expect(serverImportsIn(file, text)).toEqual([
      { file: join("cases", "x.ts"), specifier: "../../../server/src/app.js", typeOnly: false },
      { file: join("cases", "x.ts"), specifier: "../../../server/src/app.js", typeOnly: true },
      { file: join("cases", "x.ts"), specifier: "../../../server/src/errors.js", typeOnly: false },
    ]);
  });
});
