/**
 * Which documents a person may open, as one SQL condition, so that a list of what is in them
 * (actions) is filtered by the database and reads only what it returns — however many rows the
 * person may not see. The rules stay in packages/domain: this module asks them about every
 * kind of document under each set of facts that can hold for this person (their role on each
 * of their cases, whether they are the child's own keyworker, whether the family shares with
 * their agency; for minutes, the meeting's facts) and writes the answers down as conditions.
 * A constant number of queries, whatever the size of the tables.
 */
import { schema, type Db } from "@roundtable/db";
import {
  documentKinds,
  meetingAccess,
  roles,
  visibilities,
  type DocumentKind,
  type MeetingVisibility,
  type Role,
  type Visibility,
} from "@roundtable/domain";
import { and, eq, exists, inArray, isNotNull, isNull, ne, not, notInArray, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { stopIfCancelled } from "../errors.js";
import { accessFor } from "./access.js";
import { meetingAccessMap, minutesDocumentAccess } from "./meeting-access.js";
import type { Person } from "../auth/sessions.js";
import { casesSharingWith, sharesWith } from "./sharing-consent.js";
import { membershipCounts } from "./team-membership.js";
import { overseenCases } from "./icb-oversight.js";

interface DocumentClass {
  visibility: Visibility;
  kind: DocumentKind;
  whole: { visibility: Visibility; kind: DocumentKind } | null;
}

/** Every combination of the document facts the rules read: its visibility and kind, and its whole's. */
const documentClasses: readonly DocumentClass[] = visibilities.flatMap((visibility) =>
  documentKinds.flatMap((kind) => [
    { visibility, kind, whole: null },
    ...visibilities.flatMap((wv) => documentKinds.map((wk) => ({ visibility, kind, whole: { visibility: wv, kind: wk } }))),
  ]),
);

const classKey = (c: DocumentClass) => `${c.visibility}:${c.kind}:${c.whole ? `${c.whole.visibility}:${c.whole.kind}` : "-"}`;

/** The document a part belongs to, as queries using the condition below must join it. */
export const wholeDocument = alias(schema.documents, "whole");
const documentClassKey = sql<string>`${schema.documents.visibility} || ':' || ${schema.documents.kind} || ':' || coalesce(${wholeDocument.visibility} || ':' || ${wholeDocument.kind}, '-')`;

/** The kinds of document this person may open on a case where these facts hold. */
function openableClasses(person: Person, facts: { caseRole: Role | null; ownKeyworker: boolean; sharingConsented: boolean }): string[] {
  const visible = {
    caseRow: { id: "", serviceId: person.serviceId, name: "", ragRating: "green" as const, keyworkerId: facts.ownKeyworker ? person.id : null, youngPersonId: null, dateOfBirth: null },
    caseRole: facts.caseRole,
    sharingConsented: facts.sharingConsented,
  };
  return documentClasses.filter((c) => accessFor(person, visible, c) !== "none").map(classKey);
}

interface Fact {
  holds: SQL;
  fails: SQL;
}

/**
 * OR, over every way the facts can turn out, of "they turn out so, and the answer lets these
 * through". Facts the answer does not depend on are left out of the SQL; `usesFacts` says
 * whether any is left.
 */
function underFacts<Key extends string>(facts: readonly Fact[], answer: (values: boolean[]) => Key[], allowed: (keys: Key[]) => SQL): { sql: SQL; usesFacts: boolean } | undefined {
  const all: boolean[][] = Array.from({ length: 2 ** facts.length }, (_, n) => facts.map((_, i) => ((n >> i) & 1) === 1));
  const keyOf = (values: boolean[]) => [...answer(values)].sort().join("|");
  const matters = facts.map((_, i) => all.some((v) => keyOf(v) !== keyOf(v.map((x, j) => (j === i ? !x : x)))));
  const disjuncts: SQL[] = [];
  for (const values of all) {
    if (values.some((x, i) => x && !matters[i])) continue; // one way stands for both when the fact does not matter
    const keys = answer(values);
    if (keys.length === 0) continue;
    disjuncts.push(and(...facts.flatMap((f, i) => (matters[i] ? [values[i] ? f.holds : f.fails] : [])), allowed(keys))!);
  }
  return disjuncts.length ? { sql: or(...disjuncts)!, usesFacts: matters.some(Boolean) } : undefined;
}

/** Case documents (not minutes): by the person's role on each of their cases, and across the service where the rules let them. */
async function caseDocumentsCondition(db: Db, person: Person, signal?: AbortSignal): Promise<Reach> {
  stopIfCancelled(signal);
  const memberships = await db
    .select({ caseId: schema.caseMembers.caseId, role: schema.caseMembers.role, keyworkerId: schema.cases.keyworkerId })
    .from(schema.caseMembers)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.caseMembers.caseId))
    .where(and(eq(schema.caseMembers.personId, person.id), eq(schema.cases.serviceId, person.serviceId), membershipCounts()));
  stopIfCancelled(signal);
  const memberIds = memberships.map((m) => m.caseId);
  const sharing = await casesSharingWith(db, person.agencyId, memberIds);
  const casesByAnswer = new Map<string, { keys: string[]; caseIds: string[] }>();
  for (const m of memberships) {
    const keys = openableClasses(person, { caseRole: m.role, ownKeyworker: m.keyworkerId === person.id, sharingConsented: sharing.has(m.caseId) });
    if (keys.length === 0) continue;
    const group = casesByAnswer.get(keys.join("|")) ?? { keys, caseIds: [] };
    group.caseIds.push(m.caseId);
    casesByAnswer.set(keys.join("|"), group);
  }
  const onTeam = [...casesByAnswer.values()].map((g) => and(inArray(schema.documents.caseId, g.caseIds), inArray(documentClassKey, g.keys))!);
  // Cases the person is not on: their role there is none, and the rules may still let them in (a service lead).
  const c = alias(schema.cases, "service_case");
  const ownKeyworker = eq(c.keyworkerId, person.id);
  const shared = sharesWith(person.agencyId, c.id);
  const offTeam = underFacts(
    [
      { holds: ownKeyworker, fails: sql`not coalesce(${ownKeyworker}, false)` },
      { holds: shared, fails: sql`not ${shared}` },
    ],
    ([own, sharingConsented]) => openableClasses(person, { caseRole: null, ownKeyworker: own!, sharingConsented: sharingConsented! }),
    (keys) => inArray(documentClassKey, keys),
  );
  if (!offTeam) return { condition: or(...onTeam), acrossService: false };
  const serviceCases = db.select({ id: c.id }).from(c).where(eq(c.serviceId, person.serviceId));
  return {
    condition: or(
      ...onTeam,
      and(
        memberIds.length ? notInArray(schema.documents.caseId, memberIds) : undefined,
        offTeam.usesFacts
          ? // The facts are about the document's case: ask them inside a query on that case.
            exists(db.select({ id: c.id }).from(c).where(and(eq(c.serviceId, person.serviceId), eq(c.id, schema.documents.caseId), offTeam.sql)))
          : and(inArray(schema.documents.caseId, serviceCases), offTeam.sql),
      ),
    ),
    acrossService: true,
  };
}

const teamRoleSets: readonly Role[][] = [[], ...roles.map((r) => [r]), ...roles.flatMap((r, i) => roles.slice(i + 1).map((q) => [r, q]))];

/** Whether chairing, being invited or being on a covered child's team can change whether this person may open a meeting. */
function involvementMatters(person: Person): boolean {
  const flags = [false, true];
  return (["family", "professionals"] as const).some((visibility) =>
    flags.some((sameService) =>
      flags.some((sharingConsented) =>
        flags.some((minutesAgreed) => {
          const opens = (q: { isChair: boolean; isInvitee: boolean; caseRoles: readonly Role[] }) =>
            meetingAccess({ accountRole: person.role, visibility, sameService, sharingConsented, minutesAgreed, ...q }) !== "none";
          const uninvolved = opens({ isChair: false, isInvitee: false, caseRoles: [] });
          return flags.some((isChair) => flags.some((isInvitee) => teamRoleSets.some((caseRoles) => opens({ isChair, isInvitee, caseRoles }) !== uninvolved)));
        }),
      ),
    ),
  );
}

/** Minutes follow their meeting: meetings the person is part of are asked one by one, the rest by their facts. */
async function minutesCondition(db: Db, person: Person, signal?: AbortSignal): Promise<Reach> {
  stopIfCancelled(signal);
  const m = schema.meetings;
  const involved = !involvementMatters(person)
    ? [] // the rules answer the same whether or not they chair, are invited or are on a team: no need to ask
    : await db
    .select({ id: m.id })
    .from(m)
    .where(
      or(
        eq(m.chairId, person.id),
        inArray(m.id, db.select({ id: schema.meetingInvitees.meetingId }).from(schema.meetingInvitees).where(eq(schema.meetingInvitees.personId, person.id))),
        inArray(
          m.id,
          db
            .select({ id: schema.meetingCases.meetingId })
            .from(schema.meetingCases)
            .innerJoin(schema.caseMembers, and(eq(schema.caseMembers.caseId, schema.meetingCases.caseId), eq(schema.caseMembers.personId, person.id))),
        ),
      ),
    );
  stopIfCancelled(signal);
  const involvedIds = involved.map((r) => r.id);
  const answers = await meetingAccessMap(db, person, involvedIds);
  // Whole meetings where every minutes document answers alike; a tracker meeting with a section
  // per child is asked document by document (ADR 0017).
  const openable = [...answers].filter(([, a]) => a.sections === null && a.access !== "none").map(([id]) => id);
  const openableDocuments = [...answers.values()].flatMap((a) =>
    a.sections === null ? [] : [a.meeting.minutesDocumentId, ...a.sections.map((s) => s.documentId)].filter((id): id is string => id !== null && minutesDocumentAccess(a, id) !== "none"),
  );
  const mc = alias(schema.meetingCases, "covered_case");
  // A child's section needs that child's family's consent; the meeting's own minutes need every child's.
  const everyCaseShares = sql`case when ${schema.documents.caseId} is null then not exists (select 1 from ${mc} where ${mc.meetingId} = ${m.id} and not ${sharesWith(person.agencyId, mc.caseId)}) else ${sharesWith(person.agencyId, schema.documents.caseId)} end`;
  const agreed = eq(m.status, "minutes-agreed");
  const uninvolved = underFacts(
    [
      { holds: eq(m.serviceId, person.serviceId), fails: ne(m.serviceId, person.serviceId) },
      { holds: everyCaseShares, fails: sql`not ${everyCaseShares}` },
      { holds: agreed, fails: ne(m.status, "minutes-agreed") },
    ],
    ([sameService, sharingConsented, minutesAgreed]) =>
      (["family", "professionals"] as const satisfies readonly MeetingVisibility[]).filter(
        (visibility) =>
          meetingAccess({ accountRole: person.role, visibility, isChair: false, isInvitee: false, caseRoles: [], sameService: sameService!, sharingConsented: sharingConsented!, minutesAgreed: minutesAgreed! }) !==
          "none",
      ),
    (keys) => inArray(m.visibility, keys),
  );
  return {
    condition: or(
      openable.length ? inArray(schema.documents.meetingId, openable) : undefined,
      openableDocuments.length ? inArray(schema.documents.id, openableDocuments) : undefined,
      uninvolved &&
        and(
          involvedIds.length ? notInArray(schema.documents.meetingId, involvedIds) : undefined,
          inArray(schema.documents.meetingId, db.select({ id: m.id }).from(m).where(uninvolved.sql)),
        ),
    ),
    acrossService: uninvolved !== undefined,
  };
}

/** A condition on a document (and its whole), and whether it may reach past the person's own cases and meetings. */
interface Reach {
  condition: SQL | undefined;
  acrossService: boolean;
}

export interface VisibleDocuments {
  /** A condition on `documents` and `wholeDocument` (left-joined on its part_of) in the caller's query. */
  where: SQL;
  /** The ids of those documents, as a subquery; fits any query. */
  ids: SQLWrapper;
  /**
   * Whether they may be most of the service's (a service lead's): then filter the rows read in
   * their own order; otherwise few, and a list is best read through them.
   */
  acrossService: boolean;
}

/**
 * The documents this person may open — the same answers as opening each one — or null when
 * they may open none, so the caller need not ask at all.
 */
export async function documentsVisibleTo(db: Db, person: Person, signal?: AbortSignal): Promise<VisibleDocuments | null> {
  // Independent questions: asked side by side, so the answer waits for the longer, not both.
  const [cases, minutes] = await Promise.all([caseDocumentsCondition(db, person, signal), minutesCondition(db, person, signal)]);
  stopIfCancelled(signal);
  const cetrDocuments = cetrDocumentsCondition(db, person);
  const where = or(
    // A CETR's report and summary follow the CETR (ADR 0033); any other document, the table.
    cases.condition && and(isNull(schema.documents.meetingId), not(isCetrDocument), cases.condition),
    minutes.condition && and(isNotNull(schema.documents.meetingId), minutes.condition),
    cetrDocuments,
  )!;
  const ids = db.select({ id: schema.documents.id }).from(schema.documents).leftJoin(wholeDocument, eq(wholeDocument.id, schema.documents.partOf)).where(where);
  return { where, ids, acrossService: cases.acrossService || minutes.acrossService };
}

const cetrOf = alias(schema.cetrs, "cetr_of_document");
const ofThisDocument = sql`(${cetrOf.documentId} = ${schema.documents.id} or ${cetrOf.easyReadDocumentId} = ${schema.documents.id})`;
/** A document that is a CETR's report or easy-read summary. */
const isCetrDocument = and(
  inArray(schema.documents.kind, ["cetr", "cetr-summary"]),
  sql`exists (select 1 from ${schema.cetrs} ${cetrOf} where ${ofThisDocument})`,
)!;

/**
 * The CETR documents this person may open, as SQL: cetrDocumentAccess (packages/domain) over
 * standingToCetr's facts — a panel place not ended; the ICB lead overseeing the child; the
 * child's keyworkers; the service lead; a professional on the team whose agency the family shares
 * with; the family once the report is agreed.
 */
function cetrDocumentsCondition(db: Db, person: Person): SQL {
  const cm = schema.caseMembers;
  const onTeamAs = (roles: Role[]) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(cm)
        .where(and(eq(cm.caseId, cetrOf.caseId), eq(cm.personId, person.id), inArray(cm.role, roles), membershipCounts())),
    );
  const inService = eq(cetrOf.serviceId, person.serviceId);
  const panel = sql`exists (select 1 from ${schema.cetrPanel} where ${schema.cetrPanel.cetrId} = ${cetrOf.id} and ${schema.cetrPanel.personId} = ${person.id} and ${schema.cetrPanel.endedAt} is null)`;
  const overseen = person.role === "icb-lead" ? overseenCases(db, person) : null;
  const standing = or(
    panel,
    and(inService, onTeamAs(["keyworker", "senior-keyworker"])),
    person.role === "service-lead" ? inService : undefined,
    and(inService, onTeamAs(["professional"]), sharesWith(person.agencyId, cetrOf.caseId)),
    person.role === "icb-lead" ? and(inService, onTeamAs(["icb-lead"]), sharesWith(person.agencyId, cetrOf.caseId)) : undefined,
    overseen ? inArray(cetrOf.caseId, overseen) : undefined,
    and(inService, onTeamAs(["parent", "young-person"]), eq(cetrOf.status, "agreed")),
  )!;
  return and(inArray(schema.documents.kind, ["cetr", "cetr-summary"]), sql`exists (select 1 from ${schema.cetrs} ${cetrOf} where ${ofThisDocument} and ${standing})`)!;
}
