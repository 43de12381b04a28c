import { describe, expect, it } from "vitest";
import {
  acceptAsExistingAccountBodySchema,
  acceptAsNewAccountBodySchema,
  createInvitationBodySchema,
  firstNameOf,
  invitationStatus,
} from "./invitations.js";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const out: Record<string, string> = {};
  for (const issue of r.error?.issues ?? []) out[issue.path.join(".")] ??= issue.message;
  return out;
};

const agencyId = "8d1f0c1e-2f4b-4b8e-9a55-0c6b3f1e2d3a";

describe("an invitation's request", () => {
  it("tidies the email and drops an empty name", () => {
    expect(createInvitationBodySchema.parse({ email: " Sam.Jones@Example.ORG ", role: "parent", name: "  " })).toEqual({
      email: "sam.jones@example.org",
      role: "parent",
      name: undefined,
      agencyId: undefined,
      youngPersonAgreement: undefined,
    });
  });

  it("says what is missing, field by field", () => {
    expect(messages(createInvitationBodySchema.safeParse({}))).toEqual({
      email: "Enter their email address",
      role: "Choose what they will be on the team",
    });
    expect(messages(createInvitationBodySchema.safeParse({ email: "sam", role: "keyworker" }))).toEqual({
      email: "Enter an email address in the right format, like name@example.org",
      role: "Choose what they will be on the team",
    });
  });

  it("needs an agency for professionals and ICB leads, and drops one given for the family", () => {
    expect(messages(createInvitationBodySchema.safeParse({ email: "a@b.org", role: "professional" }))).toEqual({
      agencyId: "Choose the agency they work for",
    });
    expect(messages(createInvitationBodySchema.safeParse({ email: "a@b.org", role: "icb-lead" }))).toEqual({
      agencyId: "Choose the agency they work for",
    });
    expect(createInvitationBodySchema.parse({ email: "a@b.org", role: "professional", agencyId }).agencyId).toBe(agencyId);
    expect(createInvitationBodySchema.parse({ email: "a@b.org", role: "young-person", agencyId, youngPersonAgreement: "Said yes" }).agencyId).toBeUndefined();
  });

  it("needs, for the young person, how they agreed to their own account; and drops it for anyone else", () => {
    expect(messages(createInvitationBodySchema.safeParse({ email: "a@b.org", role: "young-person", youngPersonAgreement: " " }))).toEqual({
      youngPersonAgreement: "Say how the young person agreed to have their own account",
    });
    expect(createInvitationBodySchema.parse({ email: "a@b.org", role: "young-person", youngPersonAgreement: " Said yes at home " }).youngPersonAgreement).toBe("Said yes at home");
    expect(createInvitationBodySchema.parse({ email: "a@b.org", role: "parent", youngPersonAgreement: "Said yes" }).youngPersonAgreement).toBeUndefined();
  });
});

describe("accepting an invitation", () => {
  it("asks someone new for a name and a password of at least 12 characters", () => {
    expect(messages(acceptAsNewAccountBodySchema.safeParse({ name: " ", password: "" }))).toEqual({
      name: "Enter your name",
      password: "Enter a password",
    });
    expect(messages(acceptAsNewAccountBodySchema.safeParse({ name: "Sam", password: "short" }))).toEqual({
      password: "Your password must be at least 12 characters long",
    });
    expect(messages(acceptAsNewAccountBodySchema.safeParse({ name: "Sam", password: "x".repeat(201) }))).toEqual({
      password: "Your password must be 200 characters or fewer",
    });
    expect(acceptAsNewAccountBodySchema.parse({ name: " Sam Jones ", password: "a long password" }).name).toBe("Sam Jones");
  });

  it("asks someone with an account for its password", () => {
    expect(messages(acceptAsExistingAccountBodySchema.safeParse({ password: "" }))).toEqual({ password: "Enter your password" });
  });
});

describe("an invitation's status", () => {
  const now = new Date("2026-01-10T12:00:00Z");
  const open = { acceptedAt: null, withdrawnAt: null, expiresAt: "2026-01-20T12:00:00Z" };

  it("is waiting until it expires, then expired", () => {
    expect(invitationStatus(open, now)).toBe("pending");
    expect(invitationStatus({ ...open, expiresAt: "2026-01-10T12:00:00Z" }, now)).toBe("expired");
  });

  it("stays accepted or withdrawn after its date passes", () => {
    const later = new Date("2026-02-01T00:00:00Z");
    expect(invitationStatus({ ...open, acceptedAt: "2026-01-11T00:00:00Z" }, later)).toBe("accepted");
    expect(invitationStatus({ ...open, withdrawnAt: "2026-01-11T00:00:00Z" }, later)).toBe("withdrawn");
  });
});

describe("the child's first name", () => {
  it("is the first word of their name", () => {
    expect(firstNameOf("Jamie Walker")).toBe("Jamie");
    expect(firstNameOf("  Aisha  Reid ")).toBe("Aisha");
  });
});
