/**
 * Seeds the demo service on first run: agencies, people for every role, cases with teams and a
 * care plan each. Does nothing when any service already exists.
 */
import { randomUUID } from "node:crypto";
import { actionItem, newCarePlanState, paragraph } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { hashPassword } from "../services/passwords.js";
import { demoCases } from "./cases.js";
import { demoAgencies, demoPassword, demoPeople, demoService } from "./people.js";

export async function seedDemoDataIfEmpty(db: Db): Promise<boolean> {
  const existing = await db.select({ id: schema.services.id }).from(schema.services).limit(1);
  if (existing.length > 0) return false;
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction(async (tx) => {
    const [service] = await tx.insert(schema.services).values(demoService).returning({ id: schema.services.id });
    const serviceId = service!.id;
    const agencyIds = new Map<string, string>();
    for (const agency of demoAgencies) {
      const [row] = await tx
        .insert(schema.agencies)
        .values({ serviceId, name: agency.name, kind: agency.kind })
        .returning({ id: schema.agencies.id });
      agencyIds.set(agency.key, row!.id);
    }
    const personIds = new Map<string, string>();
    for (const p of demoPeople) {
      const [row] = await tx
        .insert(schema.people)
        .values({
          serviceId,
          agencyId: p.agency ? agencyIds.get(p.agency) : null,
          name: p.name,
          email: p.email,
          role: p.role,
          jobTitle: p.jobTitle,
          passwordHash,
        })
        .returning({ id: schema.people.id });
      personIds.set(p.key, row!.id);
    }
    const idOf = (key: string) => {
      const id = personIds.get(key);
      if (!id) throw new Error(`Demo data names an unknown person: ${key}`);
      return id;
    };
    for (const c of demoCases) {
      const nextMeetingAt = c.nextMeetingInDays === null ? null : meetingTime(c.nextMeetingInDays);
      const [row] = await tx
        .insert(schema.cases)
        .values({ serviceId, name: c.name, dateOfBirth: c.dateOfBirth, ragRating: c.ragRating, keyworkerId: idOf(c.keyworker), nextMeetingAt })
        .returning({ id: schema.cases.id });
      const caseId = row!.id;
      await tx.insert(schema.caseMembers).values(c.team.map((m) => ({ caseId, personId: idOf(m.person), role: m.role })));
      await tx.insert(schema.documents).values({
        caseId,
        kind: "care-plan",
        title: `${c.name.split(" ")[0]}'s care plan`,
        visibility: "family",
        snapshot: newCarePlanState({
          ...c.carePlan(),
          "who-does-what": [
            paragraph("Agreed at the last review:"),
            ...c.actions.map((a) =>
              actionItem(a.text, {
                id: randomUUID(),
                ownerId: idOf(a.owner),
                status: a.status,
                ...(a.dueInDays === null ? {} : { dueDate: isoDateInDays(a.dueInDays) }),
              }),
            ),
          ],
        }),
        createdBy: idOf(c.keyworker),
      });
    }
  });
  return true;
}

function isoDateInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A weekday morning meeting `days` from now, at 10:00. */
function meetingTime(days: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(10, 0, 0, 0);
  return d;
}
