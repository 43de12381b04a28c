import { describe, expect, it } from "vitest";
import { groupedKey } from "./two-step-key";

describe("the setup key", () => {
  it("is shown in groups of four", () => {
    expect(groupedKey("JBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP");
    expect(groupedKey("ABCDEF")).toBe("ABCD EF");
    expect(groupedKey("")).toBe("");
  });
});
