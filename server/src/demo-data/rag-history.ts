/**
 * A year of RAG ratings for each demo child, in their keyworker's words: how each came onto
 * the register and what changed since (Jamie amber, green, amber, then red after a crisis;
 * Aisha green to amber as her sleep went). Dated back from today, as the demo's meetings are;
 * each history ends at the rating the child holds now.
 */
import { schema, type Db } from "@roundtable/db";
import type { RagRating } from "@roundtable/domain";
import { recordFirstRating } from "../register/first-rating.js";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface DemoRagChange {
  to: RagRating;
  /** Who made the change (a demo person's key). */
  by: string;
  daysAgo: number;
  hour: number;
  reason: string;
}

/** Oldest first; the first is the rating given when the child was accepted onto the register. */
export const demoRagHistories: Readonly<Record<string, readonly DemoRagChange[]>> = {
  "Jamie Walker": [
    {
      to: "amber",
      by: "tom",
      daysAgo: 352,
      hour: 11,
      reason:
        "Accepted onto the register after CAMHS referred Jamie on his discharge from the adolescent unit. He is home with Claire, but the support he needs after hospital is not all in place yet.",
    },
    {
      to: "green",
      by: "priya",
      daysAgo: 268,
      hour: 15,
      reason:
        "Short breaks have started and Jamie is going to school every day with the quiet room at lunch. Claire says home is the calmest it has been for a year.",
    },
    {
      to: "amber",
      by: "priya",
      daysAgo: 118,
      hour: 10,
      reason:
        "The new timetable has not worked for Jamie. He is refusing school most days and Claire says evenings are very hard. I have asked CAMHS for an earlier review.",
    },
    {
      to: "red",
      by: "priya",
      daysAgo: 38,
      hour: 9,
      reason:
        "Crisis at the weekend: Jamie hurt himself three times this month and the police were called on Saturday. Claire says she cannot keep him safe at home without more help. Talked to Tom; we are asking the ICB about a CETR.",
    },
  ],
  "Aisha Reid": [
    {
      to: "green",
      by: "tom",
      daysAgo: 331,
      hour: 14,
      reason:
        "Accepted onto the register on Daniel's own referral. Aisha is settled at home and school; Daniel wants someone to turn to if things change.",
    },
    {
      to: "amber",
      by: "priya",
      daysAgo: 204,
      hour: 12,
      reason: "Nana has been in hospital for three weeks and Aisha has stopped eating at school. Daniel is doing everything on his own.",
    },
    {
      to: "green",
      by: "priya",
      daysAgo: 163,
      hour: 16,
      reason: "Nana is home and Aisha is back in her routine: eating at school and swimming on Saturdays again.",
    },
    {
      to: "amber",
      by: "priya",
      daysAgo: 71,
      hour: 11,
      reason:
        "Aisha has slept badly for weeks and most mornings before school end in distress. Daniel is exhausted. Sleep support and the school move are being looked at.",
    },
  ],
  "Kai Thompson": [
    {
      to: "red",
      by: "tom",
      daysAgo: 360,
      hour: 10,
      reason:
        "Kai lost his place at the residential home after a fight and is sleeping on his aunt's sofa. Two visits to A&E in a fortnight. Allocated to Priya today.",
    },
    {
      to: "amber",
      by: "priya",
      daysAgo: 297,
      hour: 15,
      reason: "Kai has moved into supported housing in Eastgate. Still unsettled and not sleeping well, but safe, and he is talking to the support staff.",
    },
    {
      to: "green",
      by: "priya",
      daysAgo: 176,
      hour: 13,
      reason: "Kai has kept his flat for six months and started two days a week at the bike workshop. Time to start thinking about step-down with him.",
    },
  ],
  "Ellie Brooks": [
    {
      to: "amber",
      by: "tom",
      daysAgo: 338,
      hour: 9,
      reason: "Referred by the school nurse: Ellie is missing school and eating very little. Her mum is worried she is withdrawing from everyone.",
    },
    {
      to: "red",
      by: "priya",
      daysAgo: 68,
      hour: 17,
      reason: "Ellie told her mum she does not feel safe with herself. The crisis team are visiting every day and I am in touch with them daily.",
    },
    {
      to: "blue",
      by: "priya",
      daysAgo: 60,
      hour: 10,
      reason: "Ellie was admitted to the adolescent inpatient unit last night. Her mum knows who to call on the ward; I will visit this week and start on discharge planning.",
    },
  ],
};

/** The child's history, ending at the rating the demo case holds; throws if the two disagree. */
export async function seedRagHistory(tx: Tx, c: { caseId: string; caseName: string; rating: RagRating; idOf(key: string): string }): Promise<void> {
  const history = demoRagHistories[c.caseName];
  if (!history || history.length === 0) throw new Error(`Demo data has no RAG history for ${c.caseName}`);
  if (history.at(-1)!.to !== c.rating) throw new Error(`${c.caseName}'s demo RAG history does not end at ${c.rating}`);
  const [first, ...later] = history.map((change) => ({ ...change, at: daysAgo(change.daysAgo, change.hour) }));
  await recordFirstRating(tx, { caseId: c.caseId, rating: first!.to, reason: first!.reason, byId: c.idOf(first!.by), at: first!.at });
  let from: RagRating = first!.to;
  for (const change of later) {
    await tx.insert(schema.ragChanges).values({ caseId: c.caseId, fromRating: from, toRating: change.to, reason: change.reason, byId: c.idOf(change.by), at: change.at });
    from = change.to;
  }
}

function daysAgo(days: number, hour: number): Date {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, 0, 0, 0);
  return d;
}
