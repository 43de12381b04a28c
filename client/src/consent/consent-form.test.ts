import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { checkConsentForm, consentBody, consentErrorsFromServer, emptyConsentForm } from "./consent-form";

describe("recording a consent decision", () => {
  it("asks for what, whether and who, in the order of the form", () => {
    const errors = checkConsentForm(emptyConsentForm);
    expect(errors?.summary.map((s) => s.field)).toEqual(["kind", "decision", "givenBy"]);
  });

  it("asks for the agency only for sharing consent", () => {
    const sharing = { ...emptyConsentForm, kind: "share-with-agency" as const, decision: "given" as const, givenBy: "Claire Walker (mum)" };
    expect(checkConsentForm(sharing)?.fields).toEqual({ agencyId: "Choose the agency" });
    expect(checkConsentForm({ ...sharing, agencyId: "camhs" })).toBeNull();
  });

  it("sends the agency for sharing consent and never for anything else", () => {
    const form = { kind: "share-with-agency" as const, agencyId: "camhs", decision: "given" as const, givenBy: " Claire Walker (mum) ", note: "" };
    expect(consentBody(form)).toEqual({ kind: "share-with-agency", agencyId: "camhs", decision: "given", givenBy: "Claire Walker (mum)" });
    // An agency chosen before the kind was changed is left behind.
    expect(consentBody({ ...form, kind: "register", note: " Said on the phone " })).toEqual({
      kind: "register",
      decision: "given",
      givenBy: "Claire Walker (mum)",
      note: "Said on the phone",
    });
  });

  it("puts the server's field messages on the fields, and anything else in the summary", () => {
    const fromServer = consentErrorsFromServer(new ApiRequestError(400, "The request body is not valid.", { agencyId: "Choose an agency in this service" }));
    expect(fromServer.fields).toEqual({ agencyId: "Choose an agency in this service" });
    const forbidden = consentErrorsFromServer(new ApiRequestError(403, "Only the keyworkers and the service lead can record consent."));
    expect(forbidden.summary).toEqual([{ message: "Only the keyworkers and the service lead can record consent." }]);
  });
});
