/**
 * How each series of the report's charts is drawn: a pale fill and a dark ink (the NHS.UK tag
 * colours, so a rating looks as it does everywhere else in the app), and a pattern drawn in the
 * ink, so no series is told from another by colour alone. The legend names each one too.
 */
import { isRagRating, type RecordedRagRating } from "@roundtable/domain";

export type Pattern = "plain" | "diagonal" | "back-diagonal" | "cross" | "dots" | "horizontal" | "vertical";

export interface SeriesStyle {
  fill: string;
  ink: string;
  pattern: Pattern;
}

/** The tags' colours (nhsuk-tag--red, --orange, --green, --blue), each with a pattern of its own. */
const ragStyles: Record<"red" | "amber" | "green" | "blue", SeriesStyle> = {
  blue: { fill: "#ccdff1", ink: "#004281", pattern: "horizontal" },
  red: { fill: "#f7d4d1", ink: "#6b140e", pattern: "cross" },
  amber: { fill: "#ffdc8e", ink: "#4d3708", pattern: "diagonal" },
  green: { fill: "#cce5d8", ink: "#004c23", pattern: "plain" },
};

/** A level a service added is grey, as its tag is (RagRatingTag), told apart by its pattern. */
const addedLevelPatterns: readonly Pattern[] = ["dots", "vertical", "back-diagonal"];

export function ragSeriesStyle(rating: RecordedRagRating, addedIndex: number): SeriesStyle {
  if (isRagRating(rating)) return ragStyles[rating];
  return { fill: "#dbe0e3", ink: "#354550", pattern: addedLevelPatterns[addedIndex % addedLevelPatterns.length]! };
}

/** Actions: done, still to do and not overdue, overdue. */
export const actionStyles = {
  done: { fill: "#cce5d8", ink: "#004c23", pattern: "plain" },
  stillToDo: { fill: "#ccdff1", ink: "#004281", pattern: "dots" },
  overdue: { fill: "#f7d4d1", ink: "#6b140e", pattern: "cross" },
} satisfies Record<string, SeriesStyle>;

/** Caseloads: children as keyworker, and as second keyworker. */
export const caseloadStyles = {
  keyworker: { fill: "#ccdff1", ink: "#004281", pattern: "plain" },
  second: { fill: "#dbe0e3", ink: "#354550", pattern: "diagonal" },
} satisfies Record<string, SeriesStyle>;
