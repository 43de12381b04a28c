import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { checkInviteForm, emptyInviteForm, inviteBody, inviteErrorsFromServer } from "./invite-form";

describe("the invite form", () => {
  it("says what is missing, in the order of the fields, linking to each", () => {
    const errors = checkInviteForm(emptyInviteForm);
    expect(errors?.summary).toEqual([
      { field: "invite-email", message: "Enter their email address" },
      { field: "invite-role", message: "Choose what they will be on the team" },
    ]);
    expect(checkInviteForm({ ...emptyInviteForm, email: "sam@", role: "parent" })?.fields).toEqual({
      email: "Enter an email address in the right format, like name@example.org",
    });
  });

  it("asks for an agency only for professionals and ICB leads", () => {
    expect(checkInviteForm({ email: "a@b.org", name: "", role: "professional", agencyId: "" })?.fields).toEqual({
      agencyId: "Choose the agency they work for",
    });
    expect(checkInviteForm({ email: "a@b.org", name: "", role: "young-person", agencyId: "" })).toBeNull();
  });

  it("sends a tidy request, without an agency chosen for an earlier role", () => {
    expect(inviteBody({ email: " Sam@Example.org ", name: "  ", role: "parent", agencyId: "agency-1" })).toEqual({ email: "sam@example.org", role: "parent" });
    expect(inviteBody({ email: "a@b.org", name: " Dr Lee ", role: "icb-lead", agencyId: "agency-1" })).toEqual({
      email: "a@b.org",
      role: "icb-lead",
      name: "Dr Lee",
      agencyId: "agency-1",
    });
  });

  it("puts the server's answer on the fields, and a refusal about the person on the email address", () => {
    const invalid = new ApiRequestError(400, "The request body is not valid.", { agencyId: "Choose an agency in this service" });
    expect(inviteErrorsFromServer(invalid).summary).toEqual([{ field: "invite-agencyId", message: "Choose an agency in this service" }]);
    const duplicate = new ApiRequestError(409, "sam@example.org is already on this case's team.");
    expect(inviteErrorsFromServer(duplicate).fields).toEqual({ email: "sam@example.org is already on this case's team." });
    const forbidden = new ApiRequestError(403, "Only the keyworkers and the service lead can invite people to this case's team.");
    expect(inviteErrorsFromServer(forbidden).summary).toEqual([{ message: forbidden.message }]);
  });
});
