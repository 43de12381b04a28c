import { describe, expect, it } from "vitest";
import { dateOfBirthWords, outcomeOf, referredByWords, registerConsentWords } from "./referral-words";

describe("the referral pages' words", () => {
  it("says who referred, and who wrote down a family's own referral", () => {
    expect(referredByWords({ source: "professional", referredBy: { id: "b", name: "Dr Ben Carter", agency: "Northbridge CAMHS" } })).toBe("Dr Ben Carter, Northbridge CAMHS");
    expect(referredByWords({ source: "self", referredBy: { id: "p", name: "Priya Shah", agency: "Northbridge Keyworking Service" } })).toBe(
      "The family's own referral, recorded by Priya Shah",
    );
    expect(referredByWords({ source: "professional", referredBy: null })).toBe("Someone whose account has since closed");
  });

  it("says the family's answer about the register in a sentence", () => {
    expect(registerConsentWords("refused")).toBe("The family did not agree to the child being on the register");
    expect(registerConsentWords("not-asked")).toBe("The family has not been asked yet");
  });

  it("gives a date of birth with the age on the day", () => {
    expect(dateOfBirthWords("2012-09-21", "2026-09-20")).toBe("21 September 2012 (13 years old)");
    expect(dateOfBirthWords("2012-09-21", "2026-09-21")).toBe("21 September 2012 (14 years old)");
    expect(dateOfBirthWords(null, "2026-09-21")).toBe("Not given");
  });

  it("tells the referrer the outcome in words, with the reason when not accepted", () => {
    expect(outcomeOf({ status: "waiting", declineReason: null, decided: null })).toMatchObject({ tag: "Waiting", detail: "Not looked at yet." });
    const declined = outcomeOf({ status: "declined", declineReason: "Known to the adult team.", decided: { by: null, at: "2026-03-02T10:00:00Z" } });
    expect(declined).toMatchObject({ tag: "Not accepted", detail: "Looked at on 2 March 2026. The reason: Known to the adult team." });
    expect(outcomeOf({ status: "accepted", declineReason: null, decided: { by: null, at: "2026-03-02T10:00:00Z" } }).detail).toBe("Accepted onto the register on 2 March 2026.");
  });
});
