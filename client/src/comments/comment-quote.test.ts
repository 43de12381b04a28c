import { describe, expect, it } from "vitest";
import { quoteOf } from "./comment-quote";

describe("quoteOf", () => {
  it("puts a passage from several paragraphs on one line", () => {
    expect(quoteOf("  Jamie likes swimming.\n\nSchool is   hard. ")).toBe("Jamie likes swimming. School is hard.");
  });

  it("keeps a short passage whole", () => {
    expect(quoteOf("Saturday club", 13)).toBe("Saturday club");
  });

  it("shortens a long passage at a word and says it goes on", () => {
    const quote = quoteOf("Jamie goes to Saturday club every week with his brother", 30);
    expect(quote).toBe("Jamie goes to Saturday club…");
    expect(quote.length).toBeLessThanOrEqual(30);
  });

  it("cuts a long word when there is no space to end on", () => {
    expect(quoteOf("abcdefghijklmnopqrstuvwxyz", 10)).toBe("abcdefghi…");
  });
});
