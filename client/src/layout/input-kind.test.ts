import { describe, expect, it } from "vitest";
import { helpSentences } from "./input-kind";

describe("help for the way someone uses Roundtable", () => {
  const parts = [{ text: "Changes are shared as you type." }, { text: "To leave the plan, press Escape.", keyboard: true }];

  it("gives keyboard hints to someone with a mouse or keyboard", () => {
    expect(helpSentences(parts, false)).toBe("Changes are shared as you type. To leave the plan, press Escape.");
  });

  it("leaves keyboard hints out for someone on a touch screen alone", () => {
    expect(helpSentences(parts, true)).toBe("Changes are shared as you type.");
  });

  it("skips parts with nothing to say", () => {
    expect(helpSentences([{ text: null }, { text: "Press Escape.", keyboard: true }], false)).toBe("Press Escape.");
  });
});
