/** Reading cases: the list a person may see, and one case with its team and the documents they may open. */
import { schema, type Db } from "@roundtable/db";
import {
  compareRagRating,
  needsSharingConsent,
  seesRiskRating,
  seesWholeService,
  sharesContactDetails,
  type CaseDetail,
  type CaseSummary,
} from "@roundtable/domain";
import { and, asc, eq, inArray, isNull, notInArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { accessFor, visibleCase } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import { membershipCounts } from "../access/team-membership.js";
import { agenciesSharingOn } from "../access/sharing-consent.js";
import { nextMeetingsFor } from "./next-meeting.js";
import { linkedYoungPerson } from "../team/young-person-link.js";
import { parentsSharingOf, parentsSharingTold } from "../consent/parents-sharing.js";
import type { Person } from "../auth/sessions.js";

const keyworker = alias(schema.people, "keyworker");

function caseSummaryQuery(db: Db) {
  return db
    .select({
      id: schema.cases.id,
      name: schema.cases.name,
      ragRating: schema.cases.ragRating,
      keyworkerId: keyworker.id,
      keyworkerName: keyworker.name,
    })
    .from(schema.cases)
    .leftJoin(keyworker, eq(keyworker.id, schema.cases.keyworkerId));
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof caseSummaryQuery>["execute"]>>[number];

function toSummary(person: Person, row: SummaryRow, nextMeetingAt: Date | undefined): CaseSummary {
  return {
    id: row.id,
    name: row.name,
    ragRating: seesRiskRating(person.role) ? row.ragRating : null,
    keyworker: row.keyworkerId && row.keyworkerName ? { id: row.keyworkerId, name: row.keyworkerName } : null,
    nextMeetingAt: nextMeetingAt?.toISOString() ?? null,
  };
}

export async function listCases(db: Db, person: Person): Promise<CaseSummary[]> {
  let rows: SummaryRow[];
  if (seesWholeService(person.role)) {
    rows = await caseSummaryQuery(db).where(eq(schema.cases.serviceId, person.serviceId)).orderBy(asc(schema.cases.name));
  } else {
    const memberOf = db
      .select({ caseId: schema.caseMembers.caseId })
      .from(schema.caseMembers)
      .where(and(eq(schema.caseMembers.personId, person.id), membershipCounts()));
    rows = await caseSummaryQuery(db)
      .where(and(eq(schema.cases.serviceId, person.serviceId), inArray(schema.cases.id, memberOf)))
      .orderBy(asc(schema.cases.name));
  }
  const nextMeetings = await nextMeetingsFor(db, person, rows.map((r) => r.id));
  // Highest risk first for those who see ratings; by name for the family, since an order by
  // risk would say what the rating does.
  if (seesRiskRating(person.role)) rows.sort((a, b) => compareRagRating(a.ragRating, b.ragRating));
  return rows.map((r) => toSummary(person, r, nextMeetings.get(r.id)));
}

export async function getCase(db: Db, person: Person, caseId: string): Promise<CaseDetail> {
  const visible = orRefuse(await visibleCase(db, person, caseId));
  const [summaryRow] = await caseSummaryQuery(db).where(eq(schema.cases.id, caseId)).limit(1);
  const members = await db
    .select({
      personId: schema.people.id,
      name: schema.people.name,
      role: schema.caseMembers.role,
      jobTitle: schema.people.jobTitle,
      agency: schema.agencies.name,
      agencyId: schema.people.agencyId,
      email: schema.people.email,
      phone: schema.people.phone,
      workingHours: schema.people.workingHours,
    })
    .from(schema.caseMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.caseMembers.personId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.people.agencyId))
    .where(eq(schema.caseMembers.caseId, caseId))
    .orderBy(asc(schema.people.name));
  const sharing = await agenciesSharingOn(db, caseId, members.map((m) => m.agencyId));
  const parents = await parentsSharingOf(db, visible.caseRow);
  const parentsSharing = parentsSharingTold(person, visible, parents);
  // A parent the young person's decision keeps out counts as not on the team (ADR 0026): those
  // told the decision see them listed, and why; to everyone else the team is as if they were not.
  const listed = parentsSharing || parents.parentsMayOpen ? members : members.filter((m) => m.role !== "parent");
  const team = listed.map(({ agencyId, ...m }) => ({ ...m, sharingConsented: !needsSharingConsent(m.role) || (agencyId !== null && sharing.has(agencyId)) }));
  const docs = await db
    .select({
      id: schema.documents.id,
      kind: schema.documents.kind,
      title: schema.documents.title,
      visibility: schema.documents.visibility,
      partOf: schema.documents.partOf,
    })
    .from(schema.documents)
    // Minutes are listed with their meetings, and a CETR's report and summary with the CETR,
    // where their own access rules apply.
    .where(and(eq(schema.documents.caseId, caseId), isNull(schema.documents.meetingId), notInArray(schema.documents.kind, ["cetr", "cetr-summary"])))
    .orderBy(asc(schema.documents.createdAt));
  const agencies = await db
    .select({ id: schema.agencies.id, name: schema.agencies.name })
    .from(schema.agencies)
    .where(eq(schema.agencies.serviceId, visible.caseRow.serviceId))
    .orderBy(asc(schema.agencies.name));
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    ...toSummary(person, summaryRow!, (await nextMeetingsFor(db, person, [caseId])).get(caseId)),
    agencies,
    youngPerson: await linkedYoungPerson(db, caseId),
    parentsSharing,
    team: team.map(({ email, phone, workingHours, ...member }) => ({
      ...member,
      contact: !sharesContactDetails(member.role) ? null : { email, phone, workingHours },
    })),
    // A part (the family's part of a care plan) is listed only to those who may open its whole.
    documents: docs
      .filter((d) => accessFor(person, visible, { ...d, whole: d.partOf ? (byId.get(d.partOf) ?? null) : null }) !== "none")
      .map(({ partOf: _partOf, ...d }) => d),
  };
}

/**
 * The agencies of the child's service, by name, for whoever may open the child's record: a
 * network map names the agency each person is with, and may name one no one is from yet.
 */
export async function caseAgencies(db: Db, person: Person, caseId: string): Promise<{ id: string; name: string; kind: string }[]> {
  const { caseRow } = orRefuse(await visibleCase(db, person, caseId));
  return db
    .select({ id: schema.agencies.id, name: schema.agencies.name, kind: schema.agencies.kind })
    .from(schema.agencies)
    .where(eq(schema.agencies.serviceId, caseRow.serviceId))
    .orderBy(asc(schema.agencies.name));
}
