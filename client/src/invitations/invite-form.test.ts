import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { parentsNotOfferedWords } from "../consent/parents-sharing-words";
import { checkInviteForm, emptyInviteForm, inviteBody, inviteErrorsFromServer, rolesToInvite } from "./invite-form";

describe("the invite form", () => {
  it("does not offer a parent or carer while the young person's decision keeps parents out, and says why", () => {
    const keyworker = { id: "priya", name: "Priya Shah" };
    const declined = { age: 18, decides: true, decision: "declined" as const, decidedAt: "2026-11-30T10:00:00Z", parentsMayOpen: false };
    expect(rolesToInvite({ keyworker, youngPerson: null, parentsSharing: declined }, "priya")).toEqual(["young-person", "professional", "icb-lead"]);
    expect(rolesToInvite({ keyworker, youngPerson: null, parentsSharing: { ...declined, decision: "given", parentsMayOpen: true } }, "priya")).toContain("parent");
    expect(parentsNotOfferedWords(declined, "Kai", "team")).toBe("You cannot invite a parent or carer: Kai has said their records are not shared with their parents or carers.");
    expect(parentsNotOfferedWords(null, "Kai", "team")).toBeNull();
  });

  it("offers the young person only to the child's own keyworker, while no account is linked, and asks how they agreed", () => {
    const keyworker = { id: "priya", name: "Priya Shah" };
    expect(rolesToInvite({ keyworker, youngPerson: null, parentsSharing: null }, "priya")).toContain("young-person");
    expect(rolesToInvite({ keyworker, youngPerson: null, parentsSharing: null }, "tom")).not.toContain("young-person");
    const linked = { personId: "jamie", name: "Jamie", agreement: "Yes", linkedBy: null, linkedAt: "2026-12-01T10:00:00Z" };
    expect(rolesToInvite({ keyworker, youngPerson: linked, parentsSharing: null }, "priya")).toEqual(["parent", "professional", "icb-lead"]);
    expect(checkInviteForm({ ...emptyInviteForm, email: "a@b.org", role: "young-person" })?.fields).toEqual({
      youngPersonAgreement: "Say how the young person agreed to have their own account",
    });
    expect(inviteBody({ ...emptyInviteForm, email: "a@b.org", role: "young-person", youngPersonAgreement: " Said yes " })).toEqual({
      email: "a@b.org",
      role: "young-person",
      youngPersonAgreement: "Said yes",
    });
  });

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
    expect(checkInviteForm({ ...emptyInviteForm, email: "a@b.org", role: "professional" })?.fields).toEqual({
      agencyId: "Choose the agency they work for",
    });
    expect(checkInviteForm({ ...emptyInviteForm, email: "a@b.org", role: "young-person", youngPersonAgreement: "Said yes" })).toBeNull();
  });

  it("sends a tidy request, without an agency chosen for an earlier role", () => {
    expect(inviteBody({ ...emptyInviteForm, email: " Sam@Example.org ", name: "  ", role: "parent", agencyId: "agency-1" })).toEqual({ email: "sam@example.org", role: "parent" });
    expect(inviteBody({ ...emptyInviteForm, email: "a@b.org", name: " Dr Lee ", role: "icb-lead", agencyId: "agency-1" })).toEqual({
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
