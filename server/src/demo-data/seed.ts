/**
 * Seeds the demo service on first run: agencies, people for every role, cases with teams, a
 * year of RAG ratings and a care plan each, and referrals waiting for triage. Does nothing when any service already exists.
 */
import { randomUUID } from "node:crypto";
import { actionItem, newCarePlanState, newMinutesState, paragraph } from "@roundtable/collab";
import { eq } from "drizzle-orm";
import { schema, type Db } from "@roundtable/db";
import { adultFromAge, ageOn, meetingTypeLabels, needsSharingConsent, todayInEngland, type ConsentKind } from "@roundtable/domain";
import { defaultAgenda } from "../meetings/default-agenda.js";
import { carePlanPartsOf } from "../documents/documents.js";
import { hashPassword } from "../auth/passwords.js";
import { demoCases, type DemoCase } from "./cases.js";
import { seedAuditHistory } from "./audit-history.js";
import { seedRestrictedRecords } from "./restricted-records.js";
import { seedCetrs } from "./cetrs.js";
import { seedReferrals } from "./referrals.js";
import { seedRagHistory } from "./rag-history.js";
import { seedTrackerMeetings } from "./tracker-meetings.js";
import { demoAgencies, demoEscalationContacts, demoPassword, demoPeople, demoService } from "./people.js";

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
    // The demo ICB commissions the demo service: its leads oversee the children whose families share with it.
    await tx.insert(schema.icbCommissions).values({ icbAgencyId: agencyIds.get("icb")!, serviceId });
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
          phone: p.phone ?? null,
          workingHours: p.workingHours ?? null,
          passwordHash,
          communicationNeeds: p.communicationNeeds ?? null,
        })
        .returning({ id: schema.people.id });
      personIds.set(p.key, row!.id);
    }
    const idOf = (key: string) => {
      const id = personIds.get(key);
      if (!id) throw new Error(`Demo data names an unknown person: ${key}`);
      return id;
    };
    await seedEscalationChain(tx, agencyIds, idOf);
    const caseIdOf = new Map<string, string>();
    for (const c of demoCases) {
      const [row] = await tx
        .insert(schema.cases)
        .values({
          serviceId,
          name: c.name,
          dateOfBirth: c.dateOfBirth,
          ragRating: c.ragRating,
          keyworkerId: idOf(c.keyworker),
          ...(c.youngPerson
            ? { youngPersonId: idOf(c.youngPerson.person), youngPersonAgreement: c.youngPerson.agreement, youngPersonLinkedBy: idOf(c.keyworker), youngPersonLinkedAt: new Date() }
            : {}),
        })
        .returning({ id: schema.cases.id });
      const caseId = row!.id;
      caseIdOf.set(c.name, caseId);
      await seedRagHistory(tx, { caseId, caseName: c.name, rating: c.ragRating, idOf });
      await tx.insert(schema.caseMembers).values(c.team.map((m) => ({ caseId, personId: idOf(m.person), role: m.role })));
      await tx.insert(schema.consents).values(demoConsents(c, caseId, idOf, (key) => agencyIds.get(key)!));
      const [plan] = await tx.insert(schema.documents).values({
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
                ...(a.blockedReason ? { blockedReason: a.blockedReason } : {}),
                ...(a.dueInDays === null ? {} : { dueDate: isoDateInDays(a.dueInDays) }),
              }),
            ),
          ],
        }),
        createdBy: idOf(c.keyworker),
      }).returning({ id: schema.documents.id, title: schema.documents.title });
      await tx.insert(schema.documents).values(carePlanPartsOf({ id: plan!.id, caseId, title: plan!.title }, { youngPersonSays: c.youngPersonSays, familySays: c.familySays }, idOf(c.keyworker)));
      if (c.nextMeetingInDays !== null) await seedReviewMeeting(tx, { serviceId, caseId, caseName: c.name, chairId: idOf(c.keyworker), startsAt: meetingTime(c.nextMeetingInDays) });
      if (c.name === "Jamie Walker") {
        await seedRestrictedRecords(tx, { serviceId, caseId, caseName: c.name, idOf });
        await seedAuditHistory(tx, { caseId, documentId: plan!.id }, (key) => {
          const person = demoPeople.find((p) => p.key === key)!;
          return { id: idOf(key), name: person.name, role: person.role };
        });
      }
    }
    const children = ["Jamie Walker", "Aisha Reid"].map((name) => ({ id: caseIdOf.get(name)!, name }));
    await seedTrackerMeetings(tx, { serviceId, children, idOf });
    await seedCetrs(tx, { serviceId, caseIdOf: (name) => caseIdOf.get(name)!, idOf });
    await seedReferrals(tx, { serviceId, idOf });
  });
  return true;
}

/** Each agency's escalation contact, and whom each person's escalations go to at the second level. */
async function seedEscalationChain(tx: Db, agencyIds: ReadonlyMap<string, string>, idOf: (key: string) => string): Promise<void> {
  for (const [agency, person] of Object.entries(demoEscalationContacts)) {
    await tx.update(schema.agencies).set({ escalationContactId: idOf(person) }).where(eq(schema.agencies.id, agencyIds.get(agency)!));
  }
  for (const p of demoPeople) {
    if (p.escalatesTo) await tx.update(schema.people).set({ escalatesToId: idOf(p.escalatesTo) }).where(eq(schema.people.id, idOf(p.key)));
  }
}

/**
 * What each demo family agreed to: to be on the register, to have a keyworker who works with
 * them, and to share information with the agency of everyone from outside the service on the
 * team — plus the exceptions a case's consentNotes describe.
 */
function demoConsents(c: DemoCase, caseId: string, idOf: (key: string) => string, agencyIdOf: (key: string) => string) {
  // A young person of 18 or over gives their own consent, whoever of their family is on the team.
  const adult = ageOn(c.dateOfBirth, todayInEngland()) >= adultFromAge;
  const family = adult ? undefined : (c.team.find((m) => m.role === "parent") ?? c.team.find((m) => m.role === "young-person"));
  const familyPerson = family ? demoPeople.find((p) => p.key === family.person) : undefined;
  const givenBy = familyPerson ? `${familyPerson.name} (${familyPerson.jobTitle})` : `${c.name} (themselves)`;
  const youngPerson = `${c.name} (themselves)`;
  const recordedBy = idOf(c.keyworker);
  const record = (kind: ConsentKind, decision: "given" | "declined", by: string, extra: { agencyId?: string; note?: string } = {}) => ({
    caseId,
    kind,
    decision,
    givenBy: by,
    recordedBy,
    agencyId: extra.agencyId ?? null,
    note: extra.note ?? null,
  });
  const sharedWith = new Set(
    c.team.flatMap((m) => {
      const person = demoPeople.find((p) => p.key === m.person);
      return person?.agency && needsSharingConsent(m.role) ? [person.agency] : [];
    }),
  );
  const notes = c.consentNotes ?? {};
  return [
    record("register", "given", givenBy),
    notes.declinesOwnKeyworker
      ? record("keyworker", "declined", youngPerson, { note: "Does not want a keyworker of their own, but is happy for the keyworker to work with the family and professionals." })
      : record("keyworker", "given", givenBy),
    record("keyworker-works-with-family", "given", notes.declinesOwnKeyworker ? youngPerson : givenBy),
    ...[...sharedWith].map((agency) => record("share-with-agency", "given", givenBy, { agencyId: agencyIdOf(agency) })),
    ...(notes.declinesSharingWith
      ? [record("share-with-agency", "declined", notes.declinesSharingWith.givenBy, { agencyId: agencyIdOf(notes.declinesSharingWith.agency), note: notes.declinesSharingWith.note })]
      : []),
    ...(notes.parentsSharing ? [record("share-with-parents", notes.parentsSharing.decision, youngPerson, { note: notes.parentsSharing.note })] : []),
  ];
}

function isoDateInDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The case's next review, booked by its keyworker, with its minutes ready to write (as booking does). */
async function seedReviewMeeting(tx: Db, m: { serviceId: string; caseId: string; caseName: string; chairId: string; startsAt: Date }): Promise<void> {
  const title = `${meetingTypeLabels.review}: ${m.caseName}`;
  const [meeting] = await tx
    .insert(schema.meetings)
    .values({ serviceId: m.serviceId, type: "review", title, startsAt: m.startsAt, location: "Northbridge Family Centre", visibility: "family", chairId: m.chairId, caseId: m.caseId })
    .returning({ id: schema.meetings.id });
  const meetingId = meeting!.id;
  await tx.insert(schema.meetingCases).values({ meetingId, caseId: m.caseId, position: 0 });
  const [minutes] = await tx
    .insert(schema.documents)
    .values({
      caseId: m.caseId,
      meetingId,
      kind: "minutes",
      title: `Minutes: ${title}`,
      visibility: "family",
      snapshot: newMinutesState({ agenda: defaultAgenda("review", [m.caseName]) }),
      createdBy: m.chairId,
    })
    .returning({ id: schema.documents.id });
  await tx.update(schema.meetings).set({ minutesDocumentId: minutes!.id }).where(eq(schema.meetings.id, meetingId));
}

/** A weekday morning meeting `days` from now, at 10:00. */
function meetingTime(days: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(10, 0, 0, 0);
  return d;
}
