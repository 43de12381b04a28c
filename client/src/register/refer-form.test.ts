import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { checkReferForm, emptyReferForm, referBody, referErrorsFromServer } from "./refer-form";

const filled = { ...emptyReferForm(false), childName: "Leo Hart", whyNow: "Out of school since October", risk: "Hurt himself on Saturday", registerConsent: "given" as const };

describe("the referral form", () => {
  it("can be sent once who, why now, risk and consent are given", () => {
    expect(checkReferForm(filled, "2026-03-01")).toBeNull();
    expect(referBody(filled)).toEqual({ childName: "Leo Hart", source: "professional", whyNow: "Out of school since October", risk: "Hurt himself on Saturday", registerConsent: "given" });
    expect(referBody({ ...filled, dateOfBirth: " 2012-09-21 " })).toMatchObject({ dateOfBirth: "2012-09-21" });
  });

  it("lists what is missing in the order of the page, in the server's words", () => {
    const errors = checkReferForm({ ...emptyReferForm(true), dateOfBirth: "2027-01-01" }, "2026-03-01")!;
    expect(errors.summary).toEqual([
      { field: "refer-source", message: "Say whose referral this is" },
      { field: "refer-childName", message: "Give the child's name" },
      { field: "refer-dateOfBirth", message: "The date of birth must be today or in the past" },
      { field: "refer-whyNow", message: "Say why you are referring now" },
      { field: "refer-risk", message: "Describe the risk" },
      { field: "refer-registerConsent", message: "Say whether the family agreed to the child being on the register" },
    ]);
  });

  it("puts the server's refusal on its field, and a limit reached in the summary", () => {
    const refused = referErrorsFromServer(new ApiRequestError(400, "Not valid", { source: "Only the keyworking service records a family's own referral" }));
    expect(refused.fields.source).toBe("Only the keyworking service records a family's own referral");
    const limited = referErrorsFromServer(new ApiRequestError(429, "You have made 50 referrals in the last day"));
    expect(limited.summary).toEqual([{ message: "You have made 50 referrals in the last day" }]);
  });
});
