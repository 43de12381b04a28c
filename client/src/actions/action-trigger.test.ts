import { describe, expect, it } from "vitest";
import { findActionTrigger, matchActionTriggerOnSpace } from "./action-trigger";

describe("findActionTrigger", () => {
  it("finds /action at the start of a line", () => {
    expect(findActionTrigger("/action")).toBe(0);
  });

  it("finds /action after a space, including the no-break space browsers type", () => {
    expect(findActionTrigger("Agreed /action")).toBe(7);
    expect(findActionTrigger("Agreed\u00a0/action")).toBe(7);
  });

  it("does not care about capitals", () => {
    expect(findActionTrigger("/Action")).toBe(0);
  });

  it("ignores /action inside a word or an address", () => {
    expect(findActionTrigger("and/action")).toBeNull();
    expect(findActionTrigger("example.org/action")).toBeNull();
  });

  it("ignores longer words and text after it", () => {
    expect(findActionTrigger("/actions")).toBeNull();
    expect(findActionTrigger("/action plan")).toBeNull();
    expect(findActionTrigger("/actio")).toBeNull();
  });
});

describe("matchActionTriggerOnSpace", () => {
  it("matches when a space is typed straight after /action", () => {
    expect(matchActionTriggerOnSpace("Agreed /action ")).toEqual({ index: 7, text: "/action " });
    expect(matchActionTriggerOnSpace("/action\u00a0")).toEqual({ index: 0, text: "/action\u00a0" });
  });

  it("does not match other characters", () => {
    expect(matchActionTriggerOnSpace("/actions")).toBeNull();
    expect(matchActionTriggerOnSpace("/action")).toBeNull();
  });
});
