/**
 * A few days of looking at Jamie's care plan, so the audit trail and the family's access report
 * have something to show in the demo: several opens in a morning (shown as one line with a
 * count), an edit and a print, by people whose names and roles are kept as they were then.
 */
import { schema, type Db } from "@roundtable/db";
import type { AuditAction, Role } from "@roundtable/domain";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface Look {
  who: string;
  action: AuditAction;
  /** Days ago, and the UK-ish hour (the demo is for looking, not for exact times). */
  daysAgo: number;
  hour: number;
}

const looks: readonly Look[] = [
  { who: "mark", action: "opened", daysAgo: 3, hour: 9 },
  { who: "mark", action: "opened", daysAgo: 3, hour: 11 },
  { who: "mark", action: "opened", daysAgo: 3, hour: 15 },
  { who: "ben", action: "opened", daysAgo: 2, hour: 10 },
  { who: "ben", action: "printed", daysAgo: 2, hour: 10 },
  { who: "priya", action: "opened", daysAgo: 1, hour: 14 },
  { who: "priya", action: "edited", daysAgo: 1, hour: 15 },
];

export async function seedAuditHistory(
  tx: Tx,
  plan: { caseId: string; documentId: string },
  people: (key: string) => { id: string; name: string; role: Role },
): Promise<void> {
  await tx.insert(schema.auditEvents).values(
    looks.map((look) => {
      const person = people(look.who);
      const at = new Date();
      at.setDate(at.getDate() - look.daysAgo);
      at.setHours(look.hour, 0, 0, 0);
      return {
        at,
        personId: person.id,
        personName: person.name,
        personRole: person.role,
        action: look.action,
        caseId: plan.caseId,
        documentId: plan.documentId,
        detail: look.action === "edited" ? { changes: 12 } : look.action === "opened" ? { via: "editor" } : null,
      };
    }),
  );
}
