import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { checkPanelForm, panelBody, panelErrorsFromServer } from "./panel-form";

describe("the CETR panel form", () => {
  it("asks for an email address that looks like one, and a name of a sensible length", () => {
    expect(checkPanelForm({ email: " ", name: "", place: "clinical-expert" })?.fields).toEqual({ email: "Enter their email address" });
    expect(checkPanelForm({ email: "sam", name: "x".repeat(201), place: "clinical-expert" })?.summary.map((s) => s.field)).toEqual(["panel-email", "panel-name"]);
    expect(checkPanelForm({ email: "sam@example.org", name: "", place: "clinical-expert" })).toBeNull();
  });

  it("sends the name only when one is given", () => {
    expect(panelBody({ email: " Sam@Example.org ", name: " ", place: "expert-by-experience" })).toEqual({ email: "sam@example.org", place: "expert-by-experience" });
    expect(panelBody({ email: "sam@example.org", name: " Sam Okoro ", place: "expert-by-experience" })).toEqual({ email: "sam@example.org", place: "expert-by-experience", name: "Sam Okoro" });
  });

  it("puts the server's words beside the field they are about, and the rest in the summary", () => {
    const needsName = new ApiRequestError(400, "The request body is not valid.", { name: "Give their name" });
    expect(panelErrorsFromServer(needsName).fields).toEqual({ name: "Give their name" });
    const full = new ApiRequestError(409, "A CETR panel has at most 10 places.", {});
    expect(panelErrorsFromServer(full)).toEqual({ fields: {}, summary: [{ message: "A CETR panel has at most 10 places." }] });
  });
});
