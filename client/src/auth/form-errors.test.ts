import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { formErrors, formErrorsFromServer, formErrorsIfAny, type FormLayout } from "./form-errors";

type Field = "name" | "email" | "role";
const form: FormLayout<Field> = { fields: ["name", "email", "role"] };
const fieldFor = (name: string): Field | undefined => form.fields.find((f) => f === name);

describe("formErrors", () => {
  it("lists the fields' messages in the order the page shows them, then the others", () => {
    const errors = formErrors(form, { role: "Choose a role", name: "Enter a name" }, ["The case has closed"]);
    expect(errors.summary).toEqual([
      { field: "name", message: "Enter a name" },
      { field: "role", message: "Choose a role" },
      { message: "The case has closed" },
    ]);
    expect(errors.fields).toEqual({ role: "Choose a role", name: "Enter a name" });
  });

  it("links each item to the field's id on the page when it is not the field's name", () => {
    const errors = formErrors({ ...form, fieldId: (field) => `invite-${field}` }, { email: "Enter an email address" });
    expect(errors.summary).toEqual([{ field: "invite-email", message: "Enter an email address" }]);
  });

  it("has nothing to say when the form's own checks found nothing", () => {
    expect(formErrorsIfAny(form, {})).toBeNull();
    expect(formErrorsIfAny(form, { email: "Enter an email address" })?.summary).toHaveLength(1);
  });
});

describe("formErrorsFromServer", () => {
  it("puts each detail the server names on its field, and the rest in the summary alone", () => {
    const answer = new ApiRequestError(400, "Check the form", { email: "Enter a real address", other: "Not allowed today" });
    const errors = formErrorsFromServer(form, answer, { fieldFor });
    expect(errors.fields).toEqual({ email: "Enter a real address" });
    expect(errors.summary).toEqual([{ field: "email", message: "Enter a real address" }, { message: "Not allowed today" }]);
  });

  it("keeps the first message when several details belong to one field", () => {
    const answer = new ApiRequestError(400, "Check the form", { "role.0": "First", "role.1": "Second" });
    const errors = formErrorsFromServer(form, answer, { fieldFor: (name) => fieldFor(name.split(".")[0] ?? "") });
    expect(errors.fields).toEqual({ role: "First" });
  });

  it("shows the server's own sentence when it names no detail", () => {
    const errors = formErrorsFromServer(form, new ApiRequestError(500, "Something went wrong on our side"), { fieldFor });
    expect(errors.summary).toEqual([{ message: "Something went wrong on our side" }]);
  });

  it("reads an answer as a whole first when the form says where it belongs", () => {
    const answer = new ApiRequestError(409, "Already on the team");
    const errors = formErrorsFromServer(form, answer, {
      fieldFor,
      wholeAnswer: (a) => (a.status === 409 ? { email: a.message } : undefined),
    });
    expect(errors.summary).toEqual([{ field: "email", message: "Already on the team" }]);
  });

  it("says something went wrong for a failure that is not an answer from the server", () => {
    expect(formErrorsFromServer(form, new Error("boom"), { fieldFor }).summary).toEqual([{ message: "Something went wrong. Try again." }]);
  });
});
