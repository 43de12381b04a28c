/** A network map's pages in a PDF, drawn from the map's SVG: every part of the drawing understood, and the people said in words. */
import { describe, expect, it } from "vitest";
import { pdfTextLines } from "../../test/support/pdf-text.js";
import { writePdf } from "../pdf/pdf-writer.js";
import { drawMapPages } from "./map-pdf-pages.js";
import { drawMapSvg, type DrawnNode } from "./map-svg.js";

const jamie: DrawnNode = { id: "young-person", kind: "young-person", status: "on-board", x: 0, y: 0, name: "Jamie Walker", role: null, agency: null, contact: null };
const others: DrawnNode[] = [
  { id: "a", kind: "person", status: "on-board", x: 300, y: 0, name: "Worker 10", role: "Social worker", agency: "Northbridge Council", contact: "01632 960 100" },
  { id: "b", kind: "person", status: "on-board", x: -300, y: 0, name: "Worker 2", role: null, agency: null, contact: null },
  { id: "c", kind: "agency", status: "to-bring-in", x: 0, y: 300, name: "Speech and language therapy", role: null, agency: null, contact: null },
  { id: "d", kind: "person", status: "left", x: 0, y: -300, name: "Zoë Ærø", role: "Youth worker", agency: null, contact: null },
];

async function pagesOf(nodes: DrawnNode[], visibility: "family" | "professionals" = "family") {
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, from: jamie.id, to: n.id, label: i === 0 ? "strained" : "works with" }));
  const warnings: string[] = [];
  const pdf = await writePdf({ title: "Plan", versionLabel: "Test", downloadedBy: "Priya Shah", downloadedAt: new Date("2026-12-09T10:00:00Z"), compress: false }, (w) =>
    drawMapPages(w, { title: "Jamie's network", visibility }, { drawing: drawMapSvg({ title: "Jamie's network", about: "Jamie Walker", nodes, edges }), nodes }, (warning) => warnings.push(warning)),
  );
  return { pdf, text: pdfTextLines(pdf).join("\n"), warnings };
}

describe("a network map's pages in a PDF", () => {
  it("draws every part of the map's SVG, and says its people in words by where they stand, in name order", async () => {
    const { pdf, text, warnings } = await pagesOf([jamie, ...others]);
    expect(warnings).toEqual([]);
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    const expected = [
      "Who is involved: Jamie's network",
      "Who is involved: Jamie's network, in words",
      "On board (2)",
      "Worker 2",
      "Worker 10 \x96 Social worker, Northbridge Council, 01632 960 100",
      "To be brought in (1)",
      "Speech and language therapy \x96 Agency or service",
      "No longer involved (1)",
      "Zo\xeb \xc6r\xf8 \x96 Youth worker",
    ];
    let from = 0;
    for (const words of expected) {
      const at = text.indexOf(words, from);
      expect(at, words).toBeGreaterThanOrEqual(from);
      from = at + words.length;
    }
    expect(text).not.toContain("Professionals only");
  });

  it("says a map the family may not see is for professionals only on each of its pages", async () => {
    const { text } = await pagesOf([jamie, ...others], "professionals");
    expect(text.split("Professionals only. Do not share with the family or the young person.")).toHaveLength(3);
  });

  it("puts a map with nobody but the young person on one page, and says so", async () => {
    const { pdf, text } = await pagesOf([jamie]);
    expect(text).toContain("Nobody else is on this map yet.");
    expect(text).not.toContain("in words");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)).toHaveLength(2); // the writer's first page, and the map's
  });
});
