/**
 * Who keyworks a child: the keyworker, an optional second keyworker, and cover during an
 * absence (dated). Anyone who can see the case reads it, with the child's keyworker-consent
 * state in words; senior keyworkers and the service lead change it (mayAllocate). The people
 * named must be keyworking staff of the service, and join the team if they are not on it, so
 * a change of allocation is a change of who may see the case: audited and announced.
 */
import { schema, type Db } from "@roundtable/db";
import {
  allocatedTeamRole,
  coverFromToday,
  coverProblems,
  keyworkerConsentState,
  keyworkingStaffRoles,
  mayAllocate,
  todayInEngland,
  type Allocation,
  type CaseAllocation,
  type KeyworkerChoice,
  type Role,
} from "@roundtable/domain";
import { and, asc, count, eq, gte, inArray, isNotNull } from "drizzle-orm";
import { visibleCase } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { AccessChangeDeps } from "../access/access-announcer.js";
import { recordAudit } from "../audit/audit-log.js";
import { forbidden, HttpError } from "../errors.js";
import type { Person } from "../auth/sessions.js";

export interface AllocationDeps extends AccessChangeDeps {
  /** Tell those looking at the case that it changed (its keyworker shows on the page). */
  onCaseChanged(caseId: string): void;
}

export const notAnAllocator = "Only senior keyworkers and the service lead can change who keyworks a child.";

export interface KeyworkingStaff {
  id: string;
  name: string;
  role: Role;
}

/** Of these people, those who are keyworking staff of the service, by id. */
export async function keyworkingStaffIn(db: Db, serviceId: string, ids: readonly string[]): Promise<Map<string, KeyworkingStaff>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.people.id, name: schema.people.name, role: schema.people.role })
    .from(schema.people)
    .where(and(inArray(schema.people.id, unique), eq(schema.people.serviceId, serviceId), inArray(schema.people.role, [...keyworkingStaffRoles])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The keyworking staff of the service, each with how many children they keywork: what a triager or allocator chooses from. */
export async function keyworkerChoices(db: Db, person: Person): Promise<KeyworkerChoice[]> {
  if (!mayAllocate(person.role)) throw forbidden(notAnAllocator);
  const rows = await db
    .select({ id: schema.people.id, name: schema.people.name, jobTitle: schema.people.jobTitle })
    .from(schema.people)
    .where(and(eq(schema.people.serviceId, person.serviceId), inArray(schema.people.role, [...keyworkingStaffRoles])))
    .orderBy(asc(schema.people.name));
  const caseload = new Map<string, number>();
  for (const column of [schema.cases.keyworkerId, schema.cases.secondKeyworkerId]) {
    const held = await db
      .select({ personId: column, n: count() })
      .from(schema.cases)
      .where(and(eq(schema.cases.serviceId, person.serviceId), isNotNull(column)))
      .groupBy(column);
    for (const { personId, n } of held) if (personId) caseload.set(personId, (caseload.get(personId) ?? 0) + n);
  }
  return rows.map((r) => ({ id: r.id, name: r.name, jobTitle: r.jobTitle, caseload: caseload.get(r.id) ?? 0 }));
}

/** The child's allocation as anyone who can see the case reads it. */
export async function caseAllocation(db: Db, person: Person, caseId: string): Promise<CaseAllocation> {
  const { caseRow } = orRefuse(await visibleCase(db, person, caseId));
  const [row] = await db
    .select({ keyworkerId: schema.cases.keyworkerId, secondKeyworkerId: schema.cases.secondKeyworkerId })
    .from(schema.cases)
    .where(eq(schema.cases.id, caseRow.id));
  const named = await namesOf(db, [row?.keyworkerId, row?.secondKeyworkerId].filter((id): id is string => !!id));
  const today = todayInEngland();
  const cover = await db
    .select({ id: schema.keyworkerCover.id, personId: schema.keyworkerCover.personId, name: schema.people.name, from: schema.keyworkerCover.fromDate, to: schema.keyworkerCover.toDate })
    .from(schema.keyworkerCover)
    .innerJoin(schema.people, eq(schema.people.id, schema.keyworkerCover.personId))
    .where(and(eq(schema.keyworkerCover.caseId, caseId), gte(schema.keyworkerCover.toDate, today)));
  const consents = await db
    .select({ kind: schema.consents.kind, decision: schema.consents.decision, recordedAt: schema.consents.recordedAt, withdrawnAt: schema.consents.withdrawnAt })
    .from(schema.consents)
    .where(and(eq(schema.consents.caseId, caseId), inArray(schema.consents.kind, ["keyworker", "keyworker-works-with-family"])));
  const namedPerson = (id: string | null | undefined) => (id && named.has(id) ? { id, name: named.get(id)! } : null);
  return {
    caseId,
    keyworker: namedPerson(row?.keyworkerId),
    secondKeyworker: namedPerson(row?.secondKeyworkerId),
    cover: coverFromToday(cover, today).map((c) => ({ id: c.id, person: { id: c.personId, name: c.name }, from: c.from, to: c.to })),
    keyworkerConsent: keyworkerConsentState(
      consents.map((c) => ({
        kind: c.kind,
        decision: c.decision,
        agency: null,
        recordedAt: c.recordedAt.toISOString(),
        withdrawn: c.withdrawnAt ? { by: null, at: c.withdrawnAt.toISOString() } : null,
      })),
    ),
    mayChange: mayAllocate(person.role),
  };
}

async function namesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: schema.people.id, name: schema.people.name }).from(schema.people).where(inArray(schema.people.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const invalid = (details: Record<string, string>) => new HttpError(400, "The request body is not valid. Check the details and try again.", details);

/**
 * Change the allocation: the keyworker, the second keyworker, and the cover now and to come (cover
 * that has ended stays on record). Written together with the team places it needs and the audit
 * event; once committed, open connections are re-checked and those looking at the case told.
 */
export async function changeAllocation(deps: AllocationDeps, person: Person, caseId: string, body: Allocation): Promise<CaseAllocation> {
  const { db } = deps;
  const { caseRow, caseRole } = orRefuse(await visibleCase(db, person, caseId));
  if (!mayAllocate(person.role)) throw forbidden(notAnAllocator);
  const today = todayInEngland();
  const problems = coverProblems(body.cover, today);
  const ids = [body.keyworkerId, ...(body.secondKeyworkerId ? [body.secondKeyworkerId] : []), ...body.cover.map((c) => c.personId)];
  const staff = await keyworkingStaffIn(db, caseRow.serviceId, ids);
  const notStaff = "Choose someone in the keyworking service";
  if (!staff.has(body.keyworkerId)) problems.keyworkerId = notStaff;
  if (body.secondKeyworkerId && !staff.has(body.secondKeyworkerId)) problems.secondKeyworkerId = notStaff;
  body.cover.forEach((c, index) => {
    if (!staff.has(c.personId)) problems[`cover.${index}.personId`] = notStaff;
  });
  if (Object.keys(problems).length > 0) throw invalid(problems);

  const changed = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ keyworkerId: schema.cases.keyworkerId, secondKeyworkerId: schema.cases.secondKeyworkerId })
      .from(schema.cases)
      .where(eq(schema.cases.id, caseId))
      .for("update");
    if (!before) throw new HttpError(404, "That case was not found.");
    const second = body.secondKeyworkerId ?? null;
    const c = schema.keyworkerCover;
    const current = await tx.select({ id: c.id, personId: c.personId, from: c.fromDate, to: c.toDate }).from(c).where(and(eq(c.caseId, caseId), gte(c.toDate, today)));
    const key = (e: { personId: string; from: string; to: string }) => `${e.personId}|${e.from}|${e.to}`;
    const wanted = new Set(body.cover.map(key));
    const had = new Set(current.map(key));
    const ended = current.filter((e) => !wanted.has(key(e)));
    const added = [...new Map(body.cover.filter((e) => !had.has(key(e))).map((e) => [key(e), e])).values()];
    const people = [body.keyworkerId, second, ...body.cover.map((e) => e.personId)].filter((id): id is string => id !== null);
    const joined = await tx
      .insert(schema.caseMembers)
      .values([...new Set(people)].map((personId) => ({ caseId, personId, role: allocatedTeamRole(staff.get(personId)!.role) })))
      .onConflictDoNothing()
      .returning({ personId: schema.caseMembers.personId, role: schema.caseMembers.role });
    if (before.keyworkerId === body.keyworkerId && before.secondKeyworkerId === second && ended.length === 0 && added.length === 0 && joined.length === 0) return false;
    await tx.update(schema.cases).set({ keyworkerId: body.keyworkerId, secondKeyworkerId: second, updatedAt: new Date() }).where(eq(schema.cases.id, caseId));
    if (ended.length > 0) await tx.delete(c).where(inArray(c.id, ended.map((e) => e.id)));
    if (added.length > 0) await tx.insert(c).values(added.map((e) => ({ caseId, personId: e.personId, fromDate: e.from, toDate: e.to, recordedBy: person.id })));
    const nameOf = (id: string | null) => (id ? (staff.get(id)?.name ?? null) : null);
    await recordAudit(tx, {
      actor: person,
      role: caseRole ?? person.role,
      action: "allocation-changed",
      caseId,
      detail: {
        keyworkerId: body.keyworkerId,
        keyworker: nameOf(body.keyworkerId),
        secondKeyworkerId: second,
        secondKeyworker: nameOf(second),
        previousKeyworkerId: before.keyworkerId,
        cover: body.cover.map((e) => ({ personId: e.personId, name: nameOf(e.personId), from: e.from, to: e.to })),
        coverEnded: ended.length,
        joinedTeam: joined.map((j) => ({ personId: j.personId, name: nameOf(j.personId), role: j.role })),
      },
    });
    return true;
  });
  if (changed) {
    await deps.access.caseAccessChanged(caseId);
    deps.onCaseChanged(caseId);
  }
  return caseAllocation(db, person, caseId);
}
