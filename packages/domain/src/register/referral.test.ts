import { describe, expect, it } from "vitest";
import { roles } from "../roles.js";
import {
  acceptedRatingReason,
  dateOfBirthProblem,
  mayAllocate,
  mayRefer,
  mayTriage,
  referralBodySchema,
  referralDecisionBodySchema,
  referralOutcome,
  referralSourcesFor,
} from "./referral.js";

const referral = { childName: "Ellie Brooks", whyNow: "Her placement is breaking down.", risk: "She has hurt herself twice this month.", registerConsent: "given" };

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("who may refer a child", () => {
  it("is any professional or keyworking staff, never a family account or an administrator", () => {
    for (const role of ["keyworker", "senior-keyworker", "service-lead", "professional", "icb-lead"] as const) expect(mayRefer(role)).toBe(true);
    for (const role of ["parent", "young-person", "admin"] as const) expect(mayRefer(role)).toBe(false);
  });

  it("lets only the keyworking service record a family's own referral", () => {
    expect(referralSourcesFor("keyworker")).toEqual(["professional", "self"]);
    expect(referralSourcesFor("service-lead")).toEqual(["professional", "self"]);
    expect(referralSourcesFor("professional")).toEqual(["professional"]);
    expect(referralSourcesFor("icb-lead")).toEqual(["professional"]);
    expect(referralSourcesFor("parent")).toEqual([]);
  });
});

describe("who triages and allocates", () => {
  it("is senior keyworkers and the service lead only", () => {
    const triagers = roles.filter(mayTriage);
    expect(triagers).toEqual(["senior-keyworker", "service-lead"]);
    expect(roles.filter(mayAllocate)).toEqual(triagers);
  });
});

describe("the referral form", () => {
  it("takes who, why now, risk and consent, as a professional's referral unless said", () => {
    const parsed = referralBodySchema.parse({ ...referral, childName: "  Ellie Brooks " });
    expect(parsed).toEqual({ ...referral, source: "professional" });
  });

  it("says in plain words what is missing or too long", () => {
    const result = referralBodySchema.safeParse({ childName: " ", whyNow: "", risk: "x".repeat(4001), registerConsent: "maybe", dateOfBirth: "14/03/2011" });
    expect(messages(result)).toEqual({
      childName: "Give the child's name",
      whyNow: "Say why you are referring now",
      risk: "Keep this under 4,000 characters",
      registerConsent: "Say whether the family agreed to the child being on the register",
      dateOfBirth: "Use a date like 2026-12-31",
    });
  });

  it("refuses a date of birth in the future", () => {
    expect(dateOfBirthProblem("2026-03-02", "2026-03-01")).toBe("The date of birth must be today or in the past");
    expect(dateOfBirthProblem("2026-03-01", "2026-03-01")).toBeNull();
    expect(dateOfBirthProblem(undefined, "2026-03-01")).toBeNull();
  });
});

describe("a triage decision", () => {
  it("is to accept with a first rating, or to decline with a reason: one of the two", () => {
    expect(referralDecisionBodySchema.parse({ accept: { rating: "amber" } })).toEqual({ accept: { rating: "amber" } });
    expect(referralDecisionBodySchema.parse({ decline: { reason: " Not a learning disability or autism. " } })).toEqual({ decline: { reason: "Not a learning disability or autism." } });
    expect(messages(referralDecisionBodySchema.safeParse({}))).toEqual({ decision: "Choose to accept the referral or not" });
    expect(messages(referralDecisionBodySchema.safeParse({ accept: { rating: "red" }, decline: { reason: "No" } }))).toEqual({ decision: "Choose to accept the referral or not" });
    expect(messages(referralDecisionBodySchema.safeParse({ decline: { reason: "" } }))).toEqual({ "decline.reason": "Say why the child is not being accepted" });
    expect(messages(referralDecisionBodySchema.safeParse({ accept: { rating: "" } }))).toEqual({ "accept.rating": "Choose a first rating" });
  });

  it("gives the first rating its reason", () => {
    expect(acceptedRatingReason(undefined)).toBe("Accepted onto the register");
    expect(acceptedRatingReason("Seen at CAMHS crisis clinic")).toBe("Accepted onto the register: Seen at CAMHS crisis clinic");
  });

  it("tells the referrer the outcome, with the reason when not accepted", () => {
    expect(referralOutcome({ status: "waiting", declineReason: null })).toBe("Waiting to be looked at");
    expect(referralOutcome({ status: "accepted", declineReason: null })).toBe("Accepted onto the register");
    expect(referralOutcome({ status: "declined", declineReason: "Already known to the adult team." })).toBe("Not accepted: Already known to the adult team.");
  });
});
