import { describe, expect, it } from "vitest";
import { createDocumentBodySchema, loginBodySchema } from "./api.js";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("request schemas", () => {
  it("tidies the email and needs a password", () => {
    expect(loginBodySchema.parse({ email: "  Priya.Shah@Roundtable.Demo ", password: "x" }).email).toBe("priya.shah@roundtable.demo");
    expect(messages(loginBodySchema.safeParse({}))).toEqual({ email: "Enter your email address", password: "Enter your password" });
    expect(messages(loginBodySchema.safeParse({ email: "priya", password: "" }))).toEqual({
      email: "Enter an email address in the right format, like name@example.org",
      password: "Enter your password",
    });
  });

  it("gives a new document family visibility unless told otherwise", () => {
    expect(createDocumentBodySchema.parse({ kind: "care-plan", title: "Plan" }).visibility).toBe("family");
    expect(createDocumentBodySchema.safeParse({ kind: "care-plan", title: "   " }).success).toBe(false);
  });
});
