import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { acceptBody, acceptErrorsFromServer, checkAcceptForm, checkDeclineForm, declineBody, declineErrorsFromServer, emptyAcceptForm } from "./triage-form";

describe("accepting a referral", () => {
  it("needs a first rating; the keyworker and the note are optional", () => {
    expect(checkAcceptForm(emptyAcceptForm)?.summary).toEqual([{ field: "accept-rating", message: "Choose a first rating" }]);
    expect(checkAcceptForm({ ...emptyAcceptForm, rating: "amber" })).toBeNull();
    expect(acceptBody({ rating: "amber", keyworkerId: "", note: "  " })).toEqual({ accept: { rating: "amber" } });
    expect(acceptBody({ rating: "red", keyworkerId: "k1", note: " Seen by crisis team " })).toEqual({ accept: { rating: "red", keyworkerId: "k1", reason: "Seen by crisis team" } });
  });

  it("reads the server's refusal back onto the fields, and a decision made meanwhile above them", () => {
    const refused = acceptErrorsFromServer(new ApiRequestError(400, "Not valid", { "accept.rating": "Choose one of the service's levels", "accept.keyworkerId": "Choose someone in the keyworking service" }));
    expect(refused.fields).toEqual({ rating: "Choose one of the service's levels", keyworkerId: "Choose someone in the keyworking service" });
    const taken = acceptErrorsFromServer(new ApiRequestError(409, "This referral was already accepted onto the register by Tom Hughes."));
    expect(taken.summary).toEqual([{ message: "This referral was already accepted onto the register by Tom Hughes." }]);
  });
});

describe("not accepting a referral", () => {
  it("needs the reason the referrer will read", () => {
    expect(checkDeclineForm(" ")?.summary).toEqual([{ field: "decline-reason", message: "Say why the child is not being accepted" }]);
    expect(checkDeclineForm("x".repeat(2001))?.fields.reason).toBe("Keep the reason under 2,000 characters");
    expect(declineBody(" Known to the adult team. ")).toEqual({ decline: { reason: "Known to the adult team." } });
    expect(declineErrorsFromServer(new ApiRequestError(400, "Not valid", { "decline.reason": "Too long" })).fields.reason).toBe("Too long");
  });
});
