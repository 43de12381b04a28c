import { defaultRagLevels, type RagLevel } from "@roundtable/domain";
import { describe, expect, it } from "vitest";
import { ragChangeWords, ragChartSummary, ragLevelLabel, ragPeriods } from "./rag-history-words";

const levels = defaultRagLevels;
const yearStart = Date.parse("2025-12-06T12:00:00Z");
const today = Date.parse("2026-12-06T12:00:00Z");
const window = { from: yearStart, to: today };

describe("a RAG change in words", () => {
  it("says the first rating, then each change from and to", () => {
    expect(ragChangeWords({ from: null, to: "amber" }, levels)).toBe("First rating: Amber");
    expect(ragChangeWords({ from: "amber", to: "red" }, levels)).toBe("Amber to Red");
  });

  it("names a level the service added by its own label, and one it no longer has as recorded", () => {
    const withYellow: RagLevel[] = [...levels, { rating: "yellow", label: "Yellow", criteria: "Some risk." }];
    expect(ragChangeWords({ from: "yellow", to: "green" }, withYellow)).toBe("Yellow to Green");
    expect(ragLevelLabel(levels, "purple")).toBe("Purple");
  });
});

describe("the periods the chart draws", () => {
  const history = [
    { to: "amber", at: "2025-10-01T10:00:00Z" },
    { to: "green", at: "2026-03-12T10:00:00Z" },
    { to: "red", at: "2026-10-29T09:00:00Z" },
  ];

  it("starts a rating given before the year at the year's start, and ends the last today", () => {
    expect(ragPeriods(history, window)).toEqual([
      { rating: "amber", start: yearStart, end: Date.parse("2026-03-12T10:00:00Z"), changedAtStart: false },
      { rating: "green", start: Date.parse("2026-03-12T10:00:00Z"), end: Date.parse("2026-10-29T09:00:00Z"), changedAtStart: true },
      { rating: "red", start: Date.parse("2026-10-29T09:00:00Z"), end: today, changedAtStart: true },
    ]);
  });

  it("leaves out ratings over before the year began, and draws nothing before the first rating", () => {
    const older = [{ to: "blue", at: "2024-01-01T10:00:00Z" }, ...history];
    expect(ragPeriods(older, window).map((p) => p.rating)).toEqual(["amber", "green", "red"]);
    const joinedInSummer = [{ to: "amber", at: "2026-07-01T10:00:00Z" }];
    expect(ragPeriods(joinedInSummer, window)).toEqual([{ rating: "amber", start: Date.parse("2026-07-01T10:00:00Z"), end: today, changedAtStart: true }]);
    expect(ragPeriods([], window)).toEqual([]);
  });

  it("sums the year up in one sentence for screen readers", () => {
    expect(ragChartSummary(ragPeriods(history, window), levels, "Jamie")).toBe(
      "Jamie's RAG rating over the last year: Amber at the start, Green from 12 March 2026, Red from 29 October 2026. Red now.",
    );
    expect(ragChartSummary([], levels, "Jamie")).toBe("Jamie has no RAG rating in the last year.");
  });
});
