import { describe, expect, it } from "vitest";
import { relationshipLabelRefusal, relationshipLabelSchema, relationshipLabelsOffered } from "./relationship-labels.js";

const own = (...labels: string[]) => labels.map((label, i) => ({ id: `id-${i}`, label }));

describe("the relationships a map offers", () => {
  it("are the four every service has, then the service's own in its order, each once whatever its capitals", () => {
    expect(relationshipLabelsOffered([])).toEqual(["works with", "refers to", "family", "strained"]);
    expect(relationshipLabelsOffered(["supervises", "Family", "advocate for", "SUPERVISES"])).toEqual(["works with", "refers to", "family", "strained", "supervises", "advocate for"]);
  });
});

describe("a relationship as the service lead writes it", () => {
  it("is trimmed with its spaces made single, and is refused when empty or longer than 60 characters", () => {
    expect(relationshipLabelSchema.parse("  advocate \t\n for ")).toBe("advocate for");
    expect(relationshipLabelSchema.safeParse(" \t ").error?.issues[0]?.message).toBe("Write the relationship in words, for example supervises");
    expect(relationshipLabelSchema.parse("x".repeat(60))).toHaveLength(60);
    expect(relationshipLabelSchema.safeParse("x".repeat(61)).error?.issues[0]?.message).toBe("Keep a relationship to 60 characters");
  });

  it("is refused when it is offered already, in any capitals, or the list is full; a rename may change its own capitals", () => {
    expect(relationshipLabelRefusal("Works With", own())).toBe("“works with” is offered on every map already");
    expect(relationshipLabelRefusal("SUPERVISES", own("supervises"))).toBe("“supervises” is on the list already");
    expect(relationshipLabelRefusal("Supervises", own("supervises"), "id-0")).toBeNull();
    expect(relationshipLabelRefusal("Supervises", own("coaches", "supervises"), "id-0")).toBe("“supervises” is on the list already");
    const full = own(...Array.from({ length: 30 }, (_, i) => `word ${i}`));
    expect(relationshipLabelRefusal("one more", full)).toBe("The list has 30 relationships, which is as many as it can hold. Remove one to add another.");
    expect(relationshipLabelRefusal("one more", full, "id-3")).toBeNull();
    expect(relationshipLabelRefusal("one more", full.slice(1))).toBeNull();
  });
});
