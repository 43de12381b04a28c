import { describe, expect, it } from "vitest";
import { firstName, possessive } from "./child-name";

describe("speaking about the child", () => {
  it("uses the first name", () => {
    expect(firstName("Jamie Walker")).toBe("Jamie");
    expect(firstName("  Aisha  Reid ")).toBe("Aisha");
    expect(firstName("Kai")).toBe("Kai");
  });

  it("makes a possessive the UK way", () => {
    expect(possessive("Jamie")).toBe("Jamie's");
    expect(possessive("James")).toBe("James's");
  });
});
