/**
 * Demo cases: fictional young people on the Dynamic Support Register, each with a team and a
 * care plan written the way a keyworker would write it with the family.
 */
import type { CarePlanContent } from "@roundtable/collab";
import type { ActionStatus, RagRating, Role } from "@roundtable/domain";

/** An action agreed in the plan: who, what, due in how many days from today (negative: overdue). */
export interface DemoAction {
  owner: string;
  text: string;
  dueInDays: number | null;
  status: ActionStatus;
  /** What is holding a blocked action up. */
  blockedReason?: string;
}

export interface DemoCase {
  name: string;
  dateOfBirth: string;
  ragRating: RagRating;
  keyworker: string;
  nextMeetingInDays: number | null;
  team: readonly { person: string; role: Role }[];
  /** The child's own account, linked by their keyworker, and how they agreed (ADR 0012). */
  youngPerson?: { person: string; agreement: string };
  /** The rest of the care plan, from "Needs and strengths" on. */
  carePlan: () => CarePlanContent;
  /** "About me" and "What matters to me", in the young person's own part of the plan (ADR 0026). */
  youngPersonSays: CarePlanContent;
  /** The family's own words, in their part of the plan ("What my family says"). */
  familySays: readonly string[];
  /** Consent the family gave, beyond what the demo gives every case (see seed.ts). */
  consentNotes?: {
    declinesOwnKeyworker?: boolean;
    declinesSharingWith?: { agency: string; givenBy: string; note: string };
    /** The young person's own decision whether their parents or carers see their records (ADR 0026). */
    parentsSharing?: { decision: "given" | "declined"; note: string };
  };
  /** Written under "Who does what by when" as action items, so they are tracked. */
  actions: readonly DemoAction[];
}

export const demoCases: readonly DemoCase[] = [
  {
    name: "Jamie Walker",
    dateOfBirth: "2011-03-14",
    ragRating: "red",
    keyworker: "priya",
    nextMeetingInDays: 6,
    team: [
      { person: "priya", role: "keyworker" },
      { person: "tom", role: "senior-keyworker" },
      { person: "ben", role: "professional" },
      { person: "lucy", role: "professional" },
      { person: "mark", role: "professional" },
      { person: "helen", role: "icb-lead" },
      { person: "claire", role: "parent" },
      { person: "jamie", role: "young-person" },
    ],
    youngPerson: { person: "jamie", agreement: "Jamie said yes when Priya showed him his own page on a home visit, with his mum there." },
    familySays: [
      "Things have been very hard since September. Jamie has not been in school for six weeks, and three times this month he has hurt himself.",
      "I am tired of telling the same story to every new person. I want one plan that everyone reads. (Claire, Jamie's mum)",
    ],
    actions: [
      { owner: "mark", text: "Write a part-time timetable with Jamie and share it a week before it starts", dueInDays: 17, status: "in-progress" },
      { owner: "ben", text: "Offer Jamie and Claire an appointment to review the crisis plan", dueInDays: -3, status: "open" },
      { owner: "lucy", text: "Complete the short breaks assessment", dueInDays: 24, status: "open" },
      { owner: "priya", text: "Visit weekly and bring everyone's updates to the review", dueInDays: 6, status: "in-progress" },
    ],
    youngPersonSays: {
      "about-me": [
        "I am Jamie. I am 15 and I live with my mum Claire and my little sister Mia. I am autistic.",
        "I like Minecraft, buses and drawing maps. I know every bus route in Northbridge.",
      ],
      "what-matters-to-me": [
        "I want people to tell me what is going to happen before it happens. Surprises make me panic.",
        "I do not want to go back to hospital. I want to stay at home with Mum and my cat.",
        "Loud classrooms hurt my ears. The quiet room at school helps.",
      ],
    },
    carePlan: () => ({
      "needs-and-strengths": [
        "Strengths: Jamie is honest, funny and remembers details other people miss. He is very good with younger children.",
        "Needs: a predictable day, warning before changes, a quiet space, and adults who use the same words for the same things.",
      ],
      outcomes: [
        "Jamie is back in school for three mornings a week by February half term.",
        "Claire has a short break each week and knows who to call in a crisis, day or night.",
      ],
      contacts: [
        "Priya Shah, keyworker — 01632 960 120 (Monday to Friday, 9am to 5pm).",
        "Out of hours crisis line — 0800 555 0199.",
      ],
    }),
  },
  {
    name: "Aisha Reid",
    dateOfBirth: "2013-08-02",
    ragRating: "amber",
    keyworker: "priya",
    nextMeetingInDays: 20,
    team: [
      { person: "priya", role: "keyworker" },
      { person: "tom", role: "senior-keyworker" },
      { person: "mark", role: "professional" },
      { person: "sophie", role: "professional" },
      { person: "daniel", role: "parent" },
    ],
    familySays: ["Aisha's sleep has been poor since the summer, and mornings are the hardest part of the day for both of us. (Daniel, Aisha's dad)"],
    consentNotes: {
      declinesSharingWith: { agency: "social-care", givenBy: "Daniel Reid (dad)", note: "Not at the moment. Happy to talk about it again at the review." },
    },
    actions: [
      { owner: "sophie", text: "Link Daniel with the sleep support group", dueInDays: 44, status: "open" },
      { owner: "mark", text: "Ask transport about a smaller minibus for Aisha", dueInDays: -6, status: "blocked", blockedReason: "Waiting for the transport team to reply about a smaller vehicle" },
    ],
    youngPersonSays: {
      "about-me": [
        "Aisha is 13 and lives with her dad Daniel and her grandmother. She has a learning disability and is autistic.",
        "She loves swimming, K-pop and her dog, Biscuit.",
      ],
      "what-matters-to-me": [
        "Aisha told Priya, using her picture cards: she likes swimming on Saturdays, she does not like the school bus, and she wants to see Nana every day.",
      ],
    },
    carePlan: () => ({
      "needs-and-strengths": [
        "Aisha communicates best with pictures and short sentences. She needs time to process what is said.",
      ],
      outcomes: ["Aisha sleeps through most nights by the spring.", "Mornings before school are calmer for Aisha and Daniel."],
      contacts: ["Priya Shah, keyworker — 01632 960 120."],
    }),
  },
  {
    name: "Kai Thompson",
    dateOfBirth: "2008-11-21",
    ragRating: "green",
    keyworker: "priya",
    nextMeetingInDays: null,
    team: [
      { person: "priya", role: "keyworker" },
      { person: "tom", role: "senior-keyworker" },
      { person: "ben", role: "professional" },
      { person: "sophie", role: "professional" },
      // His aunt, who cares for him: Kai (18) has said no to her reading his records (ADR 0026).
      { person: "donna", role: "parent" },
    ],
    familySays: ["Kai is the most settled I have seen him in years. (Kai's aunt)"],
    consentNotes: {
      declinesOwnKeyworker: true,
      parentsSharing: { decision: "declined", note: "Kai would rather tell his aunt himself how things are going than have her read his records." },
    },
    actions: [{ owner: "priya", text: "Draft the step-down plan with Kai", dueInDays: 67, status: "open" }],
    youngPersonSays: {
      "about-me": ["Kai is 18 and lives in supported housing in Eastgate. He is autistic and works two days a week at the bike workshop."],
      "what-matters-to-me": ["Kai says: \"I want to keep my job and my flat. I don't want loads of meetings.\""],
    },
    carePlan: () => ({
      "needs-and-strengths": ["Kai manages his own money with a little help. He needs support when plans change at short notice."],
      outcomes: ["Kai keeps his tenancy and his job.", "A step-down plan is agreed by March, with the housing support team picking up."],
      contacts: ["Priya Shah, keyworker — 01632 960 120."],
    }),
  },
  {
    name: "Ellie Brooks",
    dateOfBirth: "2009-05-30",
    ragRating: "blue",
    keyworker: "priya",
    nextMeetingInDays: 2,
    team: [
      { person: "priya", role: "keyworker" },
      { person: "tom", role: "senior-keyworker" },
      { person: "helen", role: "icb-lead" },
      { person: "ben", role: "professional" },
    ],
    familySays: ["We want a clear date for discharge planning, and to be told before any change in Ellie's medication. (Ellie's mum)"],
    actions: [{ owner: "helen", text: "Arrange the CETR follow-up", dueInDays: 15, status: "open" }],
    youngPersonSays: {
      "about-me": ["Ellie is 17 and has been on an adolescent inpatient unit since October. She is autistic and has a mild learning disability."],
      "what-matters-to-me": ["Ellie wants to come home for Christmas and to start college in September."],
    },
    carePlan: () => ({
      "needs-and-strengths": ["Ellie is creative and writes poetry. She needs a small, calm place to live and a consistent team."],
      outcomes: ["A discharge plan is agreed at the CETR follow-up.", "Ellie has home leave over Christmas."],
      contacts: ["Priya Shah, keyworker — 01632 960 120."],
    }),
  },
];
