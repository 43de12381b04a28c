import { describe, expect, it } from "vitest";
import type { ConsentDecision, ConsentKind } from "../consent.js";
import { keyworkerConsentState, keyworkerConsentWords, keyworkerConsentStates } from "./keyworker-consent.js";

let clock = 0;
function record(kind: ConsentKind, decision: ConsentDecision, withdrawn = false) {
  clock++;
  return { kind, decision, agency: null, recordedAt: `2026-01-01T10:${String(clock).padStart(2, "0")}:00.000Z`, withdrawn: withdrawn ? { by: null, at: "2026-02-01T00:00:00.000Z" } : null };
}

describe("the keyworker-consent state", () => {
  it("is 'not asked yet' with no record about a keyworker", () => {
    expect(keyworkerConsentState([])).toBe("not-asked");
    expect(keyworkerConsentState([record("register", "given"), record("keyworker-works-with-family", "given")])).toBe("not-asked");
  });

  it("is agreed when consent to a keyworker is in force", () => {
    expect(keyworkerConsentState([record("keyworker", "given")])).toBe("agreed");
  });

  it("tells a child who declined a keyworker but agreed to the keyworker working with the family from one who declined both", () => {
    expect(keyworkerConsentState([record("keyworker", "declined"), record("keyworker-works-with-family", "given")])).toBe("works-with-family-only");
    expect(keyworkerConsentState([record("keyworker", "declined")])).toBe("declined");
    expect(keyworkerConsentState([record("keyworker", "declined"), record("keyworker-works-with-family", "declined")])).toBe("declined");
  });

  it("reads the latest decision, and consent withdrawn as declined", () => {
    expect(keyworkerConsentState([record("keyworker", "declined"), record("keyworker", "given")])).toBe("agreed");
    expect(keyworkerConsentState([record("keyworker", "given"), record("keyworker", "declined")])).toBe("declined");
    expect(keyworkerConsentState([record("keyworker", "given", true), record("keyworker-works-with-family", "given")])).toBe("works-with-family-only");
    expect(keyworkerConsentState([record("keyworker-works-with-family", "given", true), record("keyworker", "declined")])).toBe("declined");
  });

  it("says each state in words, not as yes or no", () => {
    for (const state of keyworkerConsentStates) {
      const words = keyworkerConsentWords(state, "Kai");
      expect(words.label).not.toMatch(/^(yes|no)$/i);
      expect(words.meaning).toContain("Kai");
    }
    expect(keyworkerConsentWords("works-with-family-only", "Kai").label).toBe("Declined a keyworker, but agreed to the keyworker working with the family and professionals");
    expect(keyworkerConsentWords("not-asked", "Kai").label).toBe("Not asked yet");
  });
});
