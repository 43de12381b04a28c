import { describe, expect, it } from "vitest";
import { choiceFor, choiceValue, relationshipExamples, withValue, wordsChosen } from "./relationship-choice";

const offered = ["works with", "refers to", "family", "strained", "Other…", "supervises"];

describe("choosing a relationship's words", () => {
  it("opens on the word it has when that is offered, and as Other… with its own words when not", () => {
    expect(choiceFor("family", offered)).toEqual({ chosen: 2, other: "" });
    expect(choiceFor("Family", offered)).toEqual({ chosen: "other", other: "Family" });
    expect(choiceFor("line manages", offered)).toEqual({ chosen: "other", other: "line manages" });
  });

  it("saves what it opened on unchanged, whichever way it opened", () => {
    for (const current of ["refers to", "supervises", "a word taken off the list"]) expect(wordsChosen(choiceFor(current, offered), offered)).toEqual({ ok: true, label: current });
  });

  it("tells a word offered as “Other…” from the Other… choice", () => {
    const theWord = withValue({ chosen: 0, other: "" }, choiceValue({ chosen: 4, other: "" }));
    expect(wordsChosen(theWord, offered)).toEqual({ ok: true, label: "Other…" });
    const other = withValue(theWord, "other");
    expect(other.chosen).toBe("other");
  });

  it("takes words of one's own trimmed, and says so when there are none or too many", () => {
    expect(wordsChosen({ chosen: "other", other: "  advocate   for " }, offered)).toEqual({ ok: true, label: "advocate for" });
    expect(wordsChosen({ chosen: "other", other: "   " }, offered)).toEqual({ ok: false, message: "Write how they are related, or choose from the list" });
    expect(wordsChosen({ chosen: "other", other: "x".repeat(201) }, offered)).toEqual({ ok: false, message: "Keep a relationship to 200 characters" });
    expect(wordsChosen({ chosen: 99, other: "" }, offered).ok).toBe(false);
  });
});

describe("the connect form's examples", () => {
  it("are the first four words, and say how many more the list has", () => {
    expect(relationshipExamples(offered.slice(0, 4))).toBe("For example, works with, refers to, family, strained");
    expect(relationshipExamples(offered)).toBe("For example, works with, refers to, family, strained, and 2 more in the list");
  });
});
