import { describe, expect, it } from "vitest";
import { namedOptions, withChosen } from "./filter-options";

describe("namedOptions", () => {
  it("lists cases or agencies by name", () => {
    expect(
      namedOptions([
        { id: "2", name: "Riverside School" },
        { id: "1", name: "CAMHS" },
      ]),
    ).toEqual([
      { value: "1", label: "CAMHS" },
      { value: "2", label: "Riverside School" },
    ]);
  });
});

describe("withChosen", () => {
  const options = [{ value: "1", label: "CAMHS" }];

  it("adds the chosen value when it is not a choice, so the box shows what is filtered", () => {
    expect(withChosen(options, "9", "Agency not found")).toEqual([...options, { value: "9", label: "Agency not found" }]);
  });

  it("adds nothing when the chosen value is already there, or nothing is chosen", () => {
    expect(withChosen(options, "1", "Agency not found")).toEqual(options);
    expect(withChosen(options, null, "Agency not found")).toEqual(options);
    expect(withChosen(options, "", "Agency not found")).toEqual(options);
  });
});
