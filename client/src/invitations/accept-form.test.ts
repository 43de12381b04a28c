import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../api/api";
import { acceptBody, acceptErrorsFromServer, checkAcceptForm, linkEnded, needsCode } from "./accept-form";

const filled = { name: "Sam Jones", password: "three good words", confirmPassword: "three good words", code: null };

describe("accepting an invitation as someone new", () => {
  it("needs a name and a password of at least 12 characters, entered twice", () => {
    expect(checkAcceptForm({ name: " ", password: "", confirmPassword: "", code: null }, false)?.summary).toEqual([
      { field: "name", message: "Enter your name" },
      { field: "password", message: "Enter a password" },
    ]);
    expect(checkAcceptForm({ ...filled, password: "short", confirmPassword: "short" }, false)?.fields).toEqual({
      password: "Your password must be at least 12 characters long",
    });
    expect(checkAcceptForm({ ...filled, confirmPassword: "three good wordz" }, false)?.fields).toEqual({
      confirmPassword: "The passwords do not match. Enter the same password twice",
    });
    expect(checkAcceptForm(filled, false)).toBeNull();
    expect(acceptBody({ ...filled, name: " Sam Jones " }, false)).toEqual({ name: "Sam Jones", password: "three good words" });
  });
});

describe("accepting with an existing account", () => {
  it("needs only its password", () => {
    expect(checkAcceptForm({ name: "", password: "", confirmPassword: "", code: null }, true)?.fields).toEqual({ password: "Enter your password" });
    expect(checkAcceptForm({ name: "", password: "x", confirmPassword: "", code: null }, true)).toBeNull();
    expect(acceptBody(filled, true)).toEqual({ password: "three good words" });
  });

  it("shows a wrong password on the password field", () => {
    const wrong = new ApiRequestError(401, "That password is not right.", { password: "That password is not right" });
    expect(acceptErrorsFromServer(wrong).summary).toEqual([{ field: "password", message: "That password is not right" }]);
  });

  it("asks for the code from their app when two-step sign-in is on, and sends it with the password", () => {
    const asked = new ApiRequestError(401, "Enter the 6-digit code from your authenticator app to finish signing in.", { code: "Enter the 6-digit code from your authenticator app" });
    expect(needsCode(asked)).toBe(true);
    expect(needsCode(new ApiRequestError(401, "That password is not right.", { password: "That password is not right" }))).toBe(false);
    expect(checkAcceptForm({ ...filled, code: "12 34" }, true)?.fields).toEqual({ code: "Enter the 6-digit code from your authenticator app" });
    expect(checkAcceptForm({ ...filled, code: "123 456" }, true)).toBeNull();
    expect(acceptBody({ ...filled, code: "123 456" }, true)).toEqual({ password: "three good words", code: "123456" });
    const wrong = new ApiRequestError(401, "That code is not right. Check the code in your authenticator app and try again.", { code: "Enter the 6-digit code your app shows now" });
    expect(acceptErrorsFromServer(wrong).summary).toEqual([{ field: "code", message: "That code is not right. Check the code in your authenticator app and try again." }]);
  });
});

describe("a link that no longer works", () => {
  it("is one the server does not know, or one that expired or was withdrawn", () => {
    expect(linkEnded(new ApiRequestError(404, "not valid"))).toBe(true);
    expect(linkEnded(new ApiRequestError(410, "ended"))).toBe(true);
    expect(linkEnded(new ApiRequestError(0, "offline"))).toBe(false);
  });
});
