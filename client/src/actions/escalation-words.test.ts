import { describe, expect, it } from "vitest";
import { escalatedLine, escalatesToNextLevel, escalateButtonWords, namesInWords, toldLine } from "./escalation-words";

describe("escalation words", () => {
  it("names the people told in a sentence", () => {
    expect(namesInWords(["Helen Morris"])).toBe("Helen Morris");
    expect(namesInWords(["Helen Morris", "Rachel Adams"])).toBe("Helen Morris and Rachel Adams");
    expect(namesInWords(["A", "B", "C"])).toBe("A, B and C");
    expect(toldLine(["Helen Morris", "Rachel Adams"])).toBe("Told: Helen Morris and Rachel Adams.");
  });

  it("says when, by whom and at which level it was escalated, in UK time", () => {
    expect(escalatedLine({ level: 1, at: "2026-12-06T23:30:00Z", byName: "Tom Hughes" })).toBe("Escalated on 6 December 2026 by Tom Hughes");
    expect(escalatedLine({ level: 2, at: "2026-06-30T23:30:00Z", byName: null })).toBe(
      "Escalated on 1 July 2026 by someone no longer here, to the second level",
    );
    expect(escalatedLine({ level: 2, at: "2026-12-06T10:00:00Z", byName: "Tom Hughes" }, 3)).toBe(
      "Escalated 3 times, last on 6 December 2026 by Tom Hughes, to the second level",
    );
  });

  it("offers the next level only once it was escalated while overdue this time", () => {
    const last = { level: 1 as const, at: "2026-12-05T10:00:00Z", byName: "Tom Hughes" };
    expect(escalatesToNextLevel({ dueDate: "2026-12-01", lastEscalation: last })).toBe(true);
    // The due date moved on since: a new escalation starts at the first level.
    expect(escalatesToNextLevel({ dueDate: "2026-12-05", lastEscalation: last })).toBe(false);
    expect(escalatesToNextLevel({ dueDate: "2026-12-01", lastEscalation: null })).toBe(false);
    expect(escalateButtonWords(true)).toBe("Escalate to the next level");
    expect(escalateButtonWords(false)).toBe("Escalate");
  });
});
