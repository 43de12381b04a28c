import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ragChangeBodySchema, ragHistoryInOrder } from "./rag-change.js";

const change = (seq: number, at: string, to = "amber") => ({ seq, at, to });

describe("ragHistoryInOrder", () => {
  it("puts the oldest change first", () => {
    const history = [change(3, "2026-06-01T10:00:00.000Z"), change(1, "2025-12-01T09:00:00.000Z"), change(2, "2026-03-01T12:00:00.000Z")];
    expect(ragHistoryInOrder(history).map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it("keeps changes made at the same instant in the order they were written", () => {
    const at = "2026-06-01T10:00:00.000Z";
    const history = [change(7, at, "red"), change(5, at, "green"), change(6, at, "amber")];
    expect(ragHistoryInOrder(history).map((c) => c.to)).toEqual(["green", "amber", "red"]);
  });

  it("reads the same instant written with another offset as the same instant", () => {
    const history = [change(2, "2026-06-01T11:00:00+01:00"), change(1, "2026-06-01T10:00:00.000Z")];
    expect(ragHistoryInOrder(history).map((c) => c.seq)).toEqual([1, 2]);
  });

  it("leaves the list it was given as it was", () => {
    const history = [change(2, "2026-06-01T10:00:00.000Z"), change(1, "2025-06-01T10:00:00.000Z")];
    ragHistoryInOrder(history);
    expect(history.map((c) => c.seq)).toEqual([2, 1]);
  });

  it("orders any history by time, then by sequence, dropping and repeating nothing", () => {
    const instant = fc.integer({ min: Date.parse("2025-01-01"), max: Date.parse("2025-01-03") }).map((ms) => new Date(ms - (ms % 3_600_000)).toISOString());
    const histories = fc.uniqueArray(fc.record({ seq: fc.nat(10_000), at: instant }), { selector: (c) => c.seq, maxLength: 40 });
    fc.assert(
      fc.property(histories, (history) => {
        const ordered = ragHistoryInOrder(history);
        expect([...ordered].sort((a, b) => a.seq - b.seq)).toEqual([...history].sort((a, b) => a.seq - b.seq));
        for (let i = 1; i < ordered.length; i++) {
          const [before, after] = [ordered[i - 1]!, ordered[i]!];
          const [t0, t1] = [Date.parse(before.at), Date.parse(after.at)];
          expect(t0 < t1 || (t0 === t1 && before.seq < after.seq)).toBe(true);
        }
      }),
    );
  });
});

describe("ragChangeBodySchema", () => {
  it("asks why the rating is changing", () => {
    const read = ragChangeBodySchema.safeParse({ rating: "amber", reason: "   " });
    expect(read.success).toBe(false);
    expect(read.error?.issues.map((i) => i.message)).toEqual(["Say why the rating is changing"]);
  });

  it("asks for a rating", () => {
    const read = ragChangeBodySchema.safeParse({ reason: "Crisis at the weekend" });
    expect(read.error?.issues.map((i) => i.message)).toEqual(["Choose a rating"]);
  });
});
