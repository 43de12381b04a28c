/**
 * The PDF writer's tables, read back as text: cells wrap, the headings come again at the top of
 * each page, a row is never lost or drawn twice, and a row taller than a page goes on over the page.
 */
import { describe, expect, it } from "vitest";
import { writePdf, type PdfWriter } from "../src/pdf/pdf-writer.js";
import { pdfTextLines } from "./support/pdf-text.js";

const headings = ["What", "Who", "By when", "Status"];

async function tableLines(draw: (w: PdfWriter) => void): Promise<{ lines: string[]; pages: number }> {
  const pdf = await writePdf({ title: "Actions", versionLabel: "Test", downloadedBy: "Priya Shah", downloadedAt: new Date("2026-12-04T09:30:00Z"), compress: false }, draw);
  const lines = pdfTextLines(pdf);
  const pageLine = lines.find((l) => /^Page 1 of \d+$/.test(l));
  return { lines, pages: Number(pageLine?.split(" of ")[1]) };
}

describe("a table in a PDF", () => {
  it("writes its headings and each cell, wrapping long text inside its column", async () => {
    const long = "Agree a discharge date with the ward team, and tell Ellie and her mum the same day so they can plan";
    const { lines, pages } = await tableLines((w) =>
      w.table(
        headings,
        [
          [long, "Dr Ben Carter", "Thu 10 Dec 2026", "Not started"],
          ["Find a supported living place", "Housing team", "No due date", "In progress"],
        ],
        [4, 2, 2, 2],
      ),
    );
    expect(pages).toBe(1);
    for (const h of headings) expect(lines).toContain(h);
    for (const cell of ["Dr Ben Carter", "Thu 10 Dec 2026", "Not started", "Find a supported living place", "Housing team", "In progress"]) expect(lines).toContain(cell);
    // The long text is on several lines of its cell, every word kept and in order.
    const first = lines.findIndex((l) => l.startsWith("Agree a discharge date"));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(lines[first]).not.toBe(long);
    const wrapped = lines.slice(first, first + 6).filter((l) => long.includes(l.trim()));
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped.map((l) => l.trim()).join(" ")).toBe(long);
  });

  it("goes on over as many pages as it needs, with the headings at the top of each, every row once", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Action number ${i + 1}`, "Lucy Evans", "Fri 1 Jan 2027", "Not started"]);
    const { lines, pages } = await tableLines((w) => {
      w.titleBlock("test");
      w.table(headings, rows, [4, 2, 2, 2]);
    });
    expect(pages).toBeGreaterThan(2);
    expect(lines.filter((l) => l === "By when")).toHaveLength(pages);
    const numbers = lines.filter((l) => l.startsWith("Action number ")).map((l) => Number(l.slice("Action number ".length)));
    expect(numbers).toEqual(rows.map((_, i) => i + 1));
  });

  it("splits a row taller than a page between pages at a word, losing nothing", async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const { lines, pages } = await tableLines((w) => w.table(headings, [[words.join(" "), "Tom Hughes", "No due date", "Blocked"], ["After it", "", "", ""]], [4, 2, 2, 2]));
    expect(pages).toBeGreaterThan(1);
    expect(lines.filter((l) => l === "What")).toHaveLength(pages);
    const written = lines.filter((l) => /^w\d/.test(l)).join(" ").split(/\s+/);
    expect(written).toEqual(words);
    expect(lines.filter((l) => l === "Tom Hughes")).toHaveLength(1);
    expect(lines).toContain("After it");
  });

  it("keeps to the characters the PDF fonts carry", async () => {
    const { lines } = await tableLines((w) => w.table(["What"], [["Call Ellie \u{1F600} on Friday"]], [1]));
    expect(lines.some((l) => l.startsWith("Call Ellie") && l.includes("on Friday") && !l.includes("\u{1F600}"))).toBe(true);
  });
});
