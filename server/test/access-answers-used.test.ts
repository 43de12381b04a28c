/**
 * An access check returns its answer (ADR 0015) rather than throwing a refusal, so a call whose
 * answer is thrown away — `await visibleCase(db, person, id);`, the idiom from when checks threw
 * — would compile and let everyone through. No statement in server/src may call a check and
 * drop what it says.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const srcDir = fileURLToPath(new URL("../src", import.meta.url));

function sourcesUnder(dir: string): { file: string; source: ts.SourceFile }[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.ts$/.test(f) && !f.endsWith(".test.ts"))
    .map((file) => ({ file, source: ts.createSourceFile(file, readFileSync(path.join(dir, file), "utf8"), ts.ScriptTarget.Latest, true) }));
}

/** Functions whose declared return type is an access answer, by name. */
function accessChecks(sources: ReturnType<typeof sourcesUnder>): Set<string> {
  const names = new Set<string>();
  for (const { source } of sources) {
    source.forEachChild(function visit(node) {
      if (ts.isFunctionDeclaration(node) && node.name && node.type && /\bAccessAnswer\b/.test(node.type.getText(source))) names.add(node.name.text);
      node.forEachChild(visit);
    });
  }
  return names;
}

/** `check(…);`, `await check(…);` or `void check(…);` as a statement of its own, as "file:line name". */
function droppedAnswers(sources: ReturnType<typeof sourcesUnder>, checks: Set<string>): string[] {
  const dropped: string[] = [];
  for (const { file, source } of sources) {
    source.forEachChild(function visit(node) {
      if (ts.isExpressionStatement(node)) {
        let call: ts.Expression = node.expression;
        while (ts.isAwaitExpression(call) || ts.isVoidExpression(call) || ts.isParenthesizedExpression(call)) call = call.expression;
        if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && checks.has(call.expression.text)) {
          dropped.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${call.expression.text}`);
        }
      }
      node.forEachChild(visit);
    });
  }
  return dropped;
}

describe("access answers are never dropped", () => {
  const sources = sourcesUnder(srcDir);
  const checks = accessChecks(sources);

  it("finds the access checks", () => {
    for (const name of ["visibleCase", "documentAccessFor", "meetingAccessFor", "managedCase"]) expect(checks).toContain(name);
  });

  it("uses every answer", () => {
    expect(droppedAnswers(sources, checks)).toEqual([]);
  });

  it("would catch an answer thrown away", () => {
    const source = ts.createSourceFile(
      "feature.ts",
      "async function f() {\n  await visibleCase(db, person, id);\n  orRefuse(await visibleCase(db, person, id));\n  void (documentAccessFor(db, person, id));\n}\n",
      ts.ScriptTarget.Latest,
      true,
    );
    expect(droppedAnswers([{ file: "feature.ts", source }], checks)).toEqual(["feature.ts:2 visibleCase", "feature.ts:4 documentAccessFor"]);
  });
});
