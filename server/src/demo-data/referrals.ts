/**
 * Demo referrals to the register (issue 13): two waiting in the triage queue — one from Dr Ben
 * Carter at CAMHS, one a family's own referral that Priya recorded after a phone call — and one
 * from the school that Tom looked at last month and did not accept, with his reason.
 */
import { schema, type Db } from "@roundtable/db";
import type { ReferralSource, RegisterConsentAnswer } from "@roundtable/domain";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface DemoReferral {
  childName: string;
  dateOfBirth: string | null;
  source: ReferralSource;
  by: string;
  whyNow: string;
  risk: string;
  registerConsent: RegisterConsentAnswer;
  madeDaysAgo: number;
  declined?: { by: string; daysAgo: number; reason: string };
}

const demoReferrals: readonly DemoReferral[] = [
  {
    childName: "Leo Hart",
    dateOfBirth: "2012-09-21",
    source: "professional",
    by: "ben",
    whyNow:
      "Leo is autistic and has not been in school since October. Over the last three weeks his distress at home has grown: he has stopped eating with the family and is awake most nights. His mum rang the CAMHS duty line twice last week.",
    risk: "He hit his head against the wall until it bled on Saturday and told his mum he wants to disappear. The CAMHS crisis team saw him on Sunday and think an admission is likely if nothing changes at home and school in the next few weeks.",
    registerConsent: "given",
    madeDaysAgo: 2,
  },
  {
    childName: "Maya Collins",
    dateOfBirth: "2009-02-11",
    source: "self",
    by: "priya",
    whyNow:
      "Maya's dad, Steve, rang the service himself after a parents' group at Parents Together. Maya (16, learning disability and autism) moved to a new college in September and it is not working: she comes home exhausted and overwhelmed.",
    risk: "Two meltdowns in public this month, one where the police were called at the bus station. Steve says the family are close to not coping and he is frightened she will end up in hospital like her cousin did.",
    registerConsent: "given",
    madeDaysAgo: 1,
  },
  {
    childName: "Harvey Green",
    dateOfBirth: "2013-06-30",
    source: "professional",
    by: "mark",
    whyNow: "Harvey's behaviour at school has got worse since Christmas and he has had two short exclusions.",
    risk: "Pushing other children in the playground. No concerns at home raised by his parents.",
    registerConsent: "not-asked",
    madeDaysAgo: 40,
    declined: {
      by: "tom",
      daysAgo: 36,
      reason:
        "Harvey has no diagnosis of autism or a learning disability and there is no risk of admission to hospital described, so he is not for the register. We have passed your referral to the school's early help team, who will contact you this week.",
    },
  },
];

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000);
}

export async function seedReferrals(tx: Tx, s: { serviceId: string; idOf(key: string): string }): Promise<void> {
  await tx.insert(schema.referrals).values(
    demoReferrals.map((r) => ({
      serviceId: s.serviceId,
      childName: r.childName,
      dateOfBirth: r.dateOfBirth,
      source: r.source,
      referredBy: s.idOf(r.by),
      whyNow: r.whyNow,
      risk: r.risk,
      registerConsent: r.registerConsent,
      createdAt: daysAgo(r.madeDaysAgo),
      ...(r.declined
        ? { status: "declined" as const, decidedBy: s.idOf(r.declined.by), decidedAt: daysAgo(r.declined.daysAgo), declineReason: r.declined.reason }
        : {}),
    })),
  );
}
