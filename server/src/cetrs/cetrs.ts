/**
 * CETRs as records (issue 13, ADR 0033): a keyworker requests one for a child, the ICB lead
 * arranges it (date, chair, panel), the panel writes the report — a live document whose sections
 * are the key lines of enquiry — and the chair agrees it, which freezes it as a version and ends
 * the panel's places. Who may do what is packages/domain's cetr-access.ts; the facts come from
 * cetr-standing.ts.
 */
import { newCetrState, newCetrSummaryState } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import {
  applyCetrCommand,
  cetrDocumentAccess,
  cetrPanelOpen,
  mayArrangeCetr,
  mayConcludeCetr,
  mayHoldPanelPlace,
  mayRequestCetr,
  mayWithdrawCetr,
  roleLabels,
  ukDayOf,
  type AddPanelMemberBody,
  type Agency,
  type TeamMember,
  type CetrCommand,
  type CetrDetail,
  type CetrSummary,
  type MyCetr,
  type RequestCetrBody,
} from "@roundtable/domain";
import { and, asc, desc, eq, inArray, isNull, notInArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { caseRoleOf } from "../access/access.js";
import { recordAudit } from "../audit/audit-log.js";
import type { AccessAnnouncer } from "../access/access-announcer.js";
import type { Person } from "../auth/sessions.js";
import type { RoomRegistry } from "../collab/room-registry.js";
import { forbidden, HttpError, notFound } from "../errors.js";
import { standingToCase, standingToCetr, type CetrRow } from "../access/cetr-standing.js";
import { carriedIntoCetr } from "./cetr-carry-over.js";
import { circulateReport, tellOfRequest } from "./cetr-news.js";
import type { Notifier } from "../notifications/notifier.js";
import { accountByEmail } from "../invitations/invitations.js";
import {
  endPanelInvitations,
  invitePanelMember,
  lockPanel,
  maxPanelPlaces,
  panelFinished,
  panelFull,
  pendingPanelInvitations,
  withdrawPanelInvitation,
  type SentPanelInvitation,
} from "./cetr-panel-invitations.js";

export interface CetrDeps {
  db: Db;
  registry: RoomRegistry;
  access: AccessAnnouncer;
  notifier: Notifier;
}

/** At most this many CETRs waiting or under way for one child at once: a bound on what one keyworker can ask for. */
export const maxOpenCetrsPerChild = 3;

const openStatuses = ["requested", "arranged", "held"] as const;

async function caseFacts(db: Db, caseId: string) {
  const [row] = await db.select({ id: schema.cases.id, serviceId: schema.cases.serviceId, name: schema.cases.name }).from(schema.cases).where(eq(schema.cases.id, caseId));
  return row ?? null;
}

const cetrTitle = (caseName: string, requestedAt: Date) => `CETR for ${caseName}, requested ${ukDayOf(requestedAt)}`;

export async function requestCetr({ db, notifier }: Pick<CetrDeps, "db" | "notifier">, person: Person, caseId: string, body: RequestCetrBody): Promise<CetrSummary> {
  const c = await caseFacts(db, caseId);
  const standing = c ? await standingToCase(db, person, { caseId, serviceId: c.serviceId }) : "none";
  if (!c || standing === "none" || standing === "family") throw notFound("That case");
  if (!mayRequestCetr(standing)) throw forbidden("A CETR is requested by the child's keyworker. Ask them, or the service lead, to request one.");
  const open = await db
    .select({ id: schema.cetrs.id })
    .from(schema.cetrs)
    .where(and(eq(schema.cetrs.caseId, caseId), inArray(schema.cetrs.status, [...openStatuses])));
  if (open.length >= maxOpenCetrsPerChild) {
    throw new HttpError(409, `${c.name} already has ${open.length} CETRs requested or under way. Finish or withdraw one before asking for another.`);
  }
  const now = new Date();
  const title = cetrTitle(c.name, now);
  const cetrId = await db.transaction(async (tx) => {
    const [report] = await tx
      .insert(schema.documents)
      .values({ caseId, kind: "cetr", title, visibility: "professionals", snapshot: newCetrState(body.setting), createdBy: person.id })
      .returning({ id: schema.documents.id });
    const [summary] = await tx
      .insert(schema.documents)
      .values({ caseId, kind: "cetr-summary", title: `Easy-read summary: ${title}`, visibility: "professionals", snapshot: newCetrSummaryState(), createdBy: person.id })
      .returning({ id: schema.documents.id });
    const [row] = await tx
      .insert(schema.cetrs)
      .values({ serviceId: c.serviceId, caseId, setting: body.setting, reason: body.reason, requestedBy: person.id, requestedAt: now, documentId: report!.id, easyReadDocumentId: summary!.id })
      .returning({ id: schema.cetrs.id });
    await recordAudit(tx, { actor: person, role: person.role, action: "cetr-requested", caseId, documentId: report!.id, detail: { cetrId: row!.id, setting: body.setting } });
    return row!.id;
  });
  const [made] = await db.select().from(schema.cetrs).where(eq(schema.cetrs.id, cetrId));
  await tellOfRequest(db, notifier, made!, c.name);
  return getCetr(db, person, cetrId);
}

/** The CETR if this person may open it (as not found otherwise), with their standing. */
export async function openCetr(db: Db, person: Person, cetrId: string) {
  const [row] = await db.select().from(schema.cetrs).where(eq(schema.cetrs.id, cetrId));
  if (!row) throw notFound("That CETR");
  const standing = await standingToCetr(db, person, row);
  const access = cetrDocumentAccess(standing, row.status);
  if (access === "none") throw notFound("That CETR");
  return { cetr: row, standing, access };
}

/** The stable contract: GET /api/cetrs/:id. Carries open actions from earlier CETRs in first while it is still to be held. */
export async function getCetr(db: Db, person: Person, cetrId: string): Promise<CetrSummary> {
  const { cetr } = await openCetr(db, person, cetrId);
  const carriedOver = await carriedIntoCetr(db, person, cetr);
  return { id: cetr.id, caseId: cetr.caseId, status: cetr.status, documentId: cetr.documentId, heldOn: cetr.heldOn, carriedOver };
}

export async function describeCetr(db: Db, person: Person, cetrId: string): Promise<CetrDetail> {
  return describeOpened(db, person, await openCetr(db, person, cetrId));
}

/** The page's answer, given what openCetr found (or, just after agreeing, what it found before the panel's place ended). */
async function describeOpened(db: Db, person: Person, opened: Awaited<ReturnType<typeof openCetr>>): Promise<CetrDetail> {
  const { standing, access } = opened;
  const [cetr] = await db.select().from(schema.cetrs).where(eq(schema.cetrs.id, opened.cetr.id));
  if (!cetr) throw notFound("That CETR");
  const cetrId = cetr.id;
  const summary: CetrSummary = { id: cetr.id, caseId: cetr.caseId, status: cetr.status, documentId: cetr.documentId, heldOn: cetr.heldOn, carriedOver: await carriedIntoCetr(db, person, cetr) };
  const requester = alias(schema.people, "requester");
  const chair = alias(schema.people, "chair");
  const [names] = await db
    .select({ caseName: schema.cases.name, requesterName: requester.name, chairName: chair.name })
    .from(schema.cetrs)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId))
    .leftJoin(requester, eq(requester.id, schema.cetrs.requestedBy))
    .leftJoin(chair, eq(chair.id, schema.cetrs.chairId))
    .where(eq(schema.cetrs.id, cetrId));
  const panel = await db
    .select({ personId: schema.cetrPanel.personId, name: schema.people.name, place: schema.cetrPanel.place, endedAt: schema.cetrPanel.endedAt })
    .from(schema.cetrPanel)
    .innerJoin(schema.people, eq(schema.people.id, schema.cetrPanel.personId))
    .where(eq(schema.cetrPanel.cetrId, cetrId))
    .orderBy(asc(schema.cetrPanel.addedAt));
  const isChair = cetr.chairId === person.id;
  const family = standing === "family";
  return {
    ...summary,
    caseName: names!.caseName,
    setting: cetr.setting,
    // Why the keyworker asked is for the professionals; the family read the agreed report.
    reason: family ? "" : cetr.reason,
    requestedBy: cetr.requestedBy && names!.requesterName && !family ? { id: cetr.requestedBy, name: names!.requesterName } : null,
    requestedAt: cetr.requestedAt.toISOString(),
    chair: cetr.chairId && names!.chairName ? { id: cetr.chairId, name: names!.chairName } : null,
    easyReadDocumentId: cetr.easyReadDocumentId,
    reportDueOn: cetr.reportDueOn,
    agreedAt: cetr.agreedAt?.toISOString() ?? null,
    panel: family ? [] : panel.map((p) => ({ ...p, endedAt: p.endedAt?.toISOString() ?? null })),
    // Whom the ICB lead has invited is theirs to follow up; nobody is waiting once the CETR is finished.
    panelInvitations: mayArrangeCetr(standing) && cetrPanelOpen(cetr.status) ? await pendingPanelInvitations(db, cetrId) : [],
    may: {
      arrange: mayArrangeCetr(standing) && applyCetrCommand(cetr.status, "arrange").ok,
      edit: access === "edit",
      hold: mayConcludeCetr(standing, isChair) && applyCetrCommand(cetr.status, "hold").ok,
      agree: mayConcludeCetr(standing, isChair) && applyCetrCommand(cetr.status, "agree-report").ok,
      withdraw: mayWithdrawCetr(standing) && applyCetrCommand(cetr.status, "withdraw").ok,
    },
  };
}

/** A child's CETRs this person may open, newest first. */
export async function listCaseCetrs(db: Db, person: Person, caseId: string): Promise<CetrSummary[]> {
  const c = await caseFacts(db, caseId);
  if (!c) throw notFound("That case");
  const rows = await db.select().from(schema.cetrs).where(eq(schema.cetrs.caseId, caseId)).orderBy(desc(schema.cetrs.requestedAt)).limit(100);
  const out: CetrSummary[] = [];
  for (const row of rows) {
    const standing = await standingToCetr(db, person, row);
    if (cetrDocumentAccess(standing, row.status) === "none") continue;
    out.push({ id: row.id, caseId: row.caseId, status: row.status, documentId: row.documentId, heldOn: row.heldOn, carriedOver: [] });
  }
  if (out.length === 0 && (await standingToCase(db, person, { caseId, serviceId: c.serviceId })) === "none") throw notFound("That case");
  return out;
}

async function requireChairInService(db: Db, cetr: CetrRow, chairId: string): Promise<void> {
  const [chair] = await db.select({ role: schema.people.role, serviceId: schema.people.serviceId }).from(schema.people).where(eq(schema.people.id, chairId));
  if (!chair || !mayHoldPanelPlace(chair.role)) {
    throw new HttpError(400, "Choose a chair from the ICB, the panel or the professionals on the child's team.");
  }
  const onPanel = await db
    .select({ personId: schema.cetrPanel.personId })
    .from(schema.cetrPanel)
    .where(and(eq(schema.cetrPanel.cetrId, cetr.id), eq(schema.cetrPanel.personId, chairId), isNull(schema.cetrPanel.endedAt)));
  const onTeam = chair.serviceId === cetr.serviceId && (await caseRoleOf(db, chairId, cetr.caseId)) !== null;
  if (chair.role !== "icb-lead" && onPanel.length === 0 && !onTeam) {
    throw new HttpError(400, "The chair must be an ICB lead, on the CETR's panel, or on the child's team. Add an independent chair to the panel first.");
  }
}

export async function commandCetr(deps: CetrDeps & { reportDays?: number }, person: Person, cetrId: string, command: CetrCommand): Promise<CetrDetail> {
  const { db } = deps;
  const opened = await openCetr(db, person, cetrId);
  const { cetr, standing } = opened;
  const isChair = cetr.chairId === person.id;
  const allowed = {
    arrange: mayArrangeCetr(standing),
    hold: mayConcludeCetr(standing, isChair),
    "agree-report": mayConcludeCetr(standing, isChair),
    withdraw: mayWithdrawCetr(standing),
  }[command.type];
  if (!allowed) {
    throw forbidden(
      command.type === "arrange"
        ? "CETRs are arranged by the ICB lead."
        : command.type === "withdraw"
          ? "Only the ICB lead or the child's keyworkers can withdraw a CETR."
          : "Only the chair or the ICB lead can do this.",
    );
  }
  const next = applyCetrCommand(cetr.status, command.type);
  if (!next.ok) throw new HttpError(409, next.reason);
  const now = new Date();
  const audited = { cetrId, ...(command.type === "arrange" ? { heldOn: command.heldOn } : {}), ...(command.type === "withdraw" ? { reason: command.reason } : {}) };
  const auditAction = ({ arrange: "cetr-arranged", hold: "cetr-held", "agree-report": "cetr-agreed", withdraw: "cetr-withdrawn" } as const)[command.type];
  await recordAudit(db, { actor: person, role: person.role, action: auditAction, caseId: cetr.caseId, documentId: cetr.documentId, detail: audited });
  if (command.type === "arrange") {
    await requireChairInService(db, cetr, command.chairId);
    await db.update(schema.cetrs).set({ status: next.status, heldOn: command.heldOn, chairId: command.chairId, arrangedBy: person.id, updatedAt: now }).where(eq(schema.cetrs.id, cetrId));
  } else if (command.type === "hold") {
    const [service] = await db.select({ days: schema.services.cetrReportDays }).from(schema.services).where(eq(schema.services.id, cetr.serviceId));
    const heldOn = cetr.heldOn ?? now.toISOString().slice(0, 10);
    const due = new Date(`${heldOn}T12:00:00Z`);
    due.setUTCDate(due.getUTCDate() + (service?.days ?? 14));
    await db.update(schema.cetrs).set({ status: next.status, heldOn, reportDueOn: due.toISOString().slice(0, 10), updatedAt: now }).where(eq(schema.cetrs.id, cetrId));
  } else if (command.type === "withdraw") {
    await db.transaction(async (tx) => {
      await endPanelInvitations(tx, person, cetr, now);
      await tx.update(schema.cetrs).set({ status: next.status, withdrawnReason: command.reason, updatedAt: now }).where(eq(schema.cetrs.id, cetrId));
    });
  } else {
    // Read both documents before the transaction (reading may need the database; see commandMeeting).
    const reportState = await deps.registry.readState(cetr.documentId);
    const summaryState = cetr.easyReadDocumentId ? await deps.registry.readState(cetr.easyReadDocumentId) : null;
    await db.transaction(async (tx) => {
      await endPanelInvitations(tx, person, cetr, now);
      const [version] = await tx
        .insert(schema.documentVersions)
        .values({ documentId: cetr.documentId, name: "Agreed CETR report", state: reportState, createdBy: person.id })
        .returning({ id: schema.documentVersions.id });
      if (summaryState && cetr.easyReadDocumentId) {
        await tx
          .insert(schema.documentVersions)
          .values({ documentId: cetr.easyReadDocumentId, name: "Agreed easy-read summary", state: summaryState, createdBy: person.id, partOfVersion: version!.id });
      }
      await tx.update(schema.cetrs).set({ status: next.status, agreedAt: now, agreedVersionId: version!.id, updatedAt: now }).where(eq(schema.cetrs.id, cetrId));
      // A panel place is for this CETR: it ends when the report is agreed.
      await tx.update(schema.cetrPanel).set({ endedAt: now }).where(and(eq(schema.cetrPanel.cetrId, cetrId), isNull(schema.cetrPanel.endedAt)));
    });
    for (const documentId of [cetr.documentId, cetr.easyReadDocumentId]) {
      if (documentId) deps.access.editingEnded(documentId, "The CETR report has been agreed and can no longer be changed");
    }
    const [agreed] = await db.select({ cetr: schema.cetrs, caseName: schema.cases.name }).from(schema.cetrs).innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId)).where(eq(schema.cetrs.id, cetrId));
    await circulateReport(db, deps.notifier, agreed!.cetr, agreed!.caseName);
    // The chair may have sat on the panel, whose place has just ended: they are told what they agreed, as they stood.
    return describeOpened(db, person, { ...opened, access: "read" });
  }
  return describeCetr(db, person, cetrId);
}

/** The CETR, if this person convenes its panel and it has not finished: the one check before any change to the panel. */
async function panelConvenedBy(db: Db, person: Person, cetrId: string): Promise<CetrRow> {
  const { cetr, standing } = await openCetr(db, person, cetrId);
  if (!mayArrangeCetr(standing)) throw forbidden("The CETR panel is convened by the ICB lead.");
  if (!cetrPanelOpen(cetr.status)) throw panelFinished();
  return cetr;
}

/** The ICB lead withdraws an invitation to a panel place still waiting, freeing the place; the CETR's page as it now stands. */
export async function withdrawPanelPlaceInvitation({ db }: Pick<CetrDeps, "db">, person: Person, cetrId: string, invitationId: string): Promise<CetrDetail> {
  const cetr = await panelConvenedBy(db, person, cetrId);
  await withdrawPanelInvitation(db, person, cetr, invitationId);
  return describeCetr(db, person, cetrId);
}

/** What giving a panel place did: the CETR as it now stands, and the invitation if one was sent instead. */
export interface PanelPlaceOutcome {
  detail: CetrDetail;
  invited: SentPanelInvitation | null;
}

/**
 * The ICB lead gives someone a place on this CETR's panel: scoped to it, not a place on the
 * child's team. Someone with an account has the place at once; someone without one is invited
 * to it (cetr-panel-invitations.ts), and has it when they accept.
 */
export async function addPanelMember(deps: CetrDeps, person: Person, cetrId: string, body: AddPanelMemberBody): Promise<PanelPlaceOutcome> {
  const { db } = deps;
  const cetr = await panelConvenedBy(db, person, cetrId);
  const member = await accountByEmail(db, body.email);
  if (!member) {
    const invited = await invitePanelMember(db, person, cetr, body);
    return { detail: await describeCetr(db, person, cetrId), invited };
  }
  if (!mayHoldPanelPlace(member.role)) {
    throw new HttpError(400, "Panel places are for the independent chair, clinical expert and expert by experience.", {
      email: `${member.name} uses Roundtable as ${roleLabels[member.role].toLowerCase()}, and a panel place is not for a family's or an administrator's account`,
    });
  }
  await db.transaction(async (tx) => {
    const taken = await lockPanel(tx, cetrId);
    if (taken.personIds.length + taken.invited >= maxPanelPlaces && !taken.personIds.includes(member.id)) throw panelFull();
    await tx
      .insert(schema.cetrPanel)
      .values({ cetrId, personId: member.id, place: body.place, addedBy: person.id })
      .onConflictDoUpdate({ target: [schema.cetrPanel.cetrId, schema.cetrPanel.personId], set: { place: body.place, endedAt: null } });
    await recordAudit(tx, { actor: person, role: person.role, action: "cetr-panel-changed", caseId: cetr.caseId, documentId: cetr.documentId, detail: { cetrId, personId: member.id, name: member.name, place: body.place } });
  });
  return { detail: await describeCetr(db, person, cetrId), invited: null };
}

/**
 * Whom the report's actions can be given to: the professionals on the child's team (and the
 * service's agencies), for everyone writing or reading it but the family — the panel among them,
 * who are not on the team yet must give each recommendation an owner.
 */
export async function cetrOwners(db: Db, person: Person, cetrId: string): Promise<{ team: TeamMember[]; agencies: Agency[] }> {
  const { cetr, standing } = await openCetr(db, person, cetrId);
  if (standing === "family") return { team: [], agencies: [] };
  const members = await db
    .select({ personId: schema.people.id, name: schema.people.name, role: schema.caseMembers.role, jobTitle: schema.people.jobTitle, agency: schema.agencies.name })
    .from(schema.caseMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.caseMembers.personId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.people.agencyId))
    .where(and(eq(schema.caseMembers.caseId, cetr.caseId), notInArray(schema.caseMembers.role, ["parent", "young-person"])))
    .orderBy(asc(schema.people.name));
  const agencies = await db
    .select({ id: schema.agencies.id, name: schema.agencies.name })
    .from(schema.agencies)
    .where(eq(schema.agencies.serviceId, cetr.serviceId))
    .orderBy(asc(schema.agencies.name));
  return { team: members.map((m) => ({ ...m, sharingConsented: true, contact: null })), agencies };
}

/** The most CETRs one person's own list shows. */
export const maxMyCetrs = 200;

/**
 * "CETRs for you": those where the person has a panel place that has not ended, and — for an ICB
 * lead — every CETR not yet agreed of the children they oversee (requests to arrange first). Each
 * is checked against the CETR's own rule before it is listed.
 */
export async function listMyCetrs(db: Db, person: Person): Promise<MyCetr[]> {
  const panelRows = await db
    .select({ cetr: schema.cetrs, caseName: schema.cases.name, place: schema.cetrPanel.place })
    .from(schema.cetrPanel)
    .innerJoin(schema.cetrs, eq(schema.cetrs.id, schema.cetrPanel.cetrId))
    .innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId))
    .where(and(eq(schema.cetrPanel.personId, person.id), isNull(schema.cetrPanel.endedAt)))
    .limit(maxMyCetrs);
  const icbRows =
    person.role === "icb-lead" && person.agencyId
      ? await db
          .select({ cetr: schema.cetrs, caseName: schema.cases.name })
          .from(schema.cetrs)
          .innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId))
          .where(
            and(
              inArray(schema.cetrs.status, [...openStatuses]),
              or(
                inArray(schema.cetrs.serviceId, db.select({ id: schema.icbCommissions.serviceId }).from(schema.icbCommissions).where(eq(schema.icbCommissions.icbAgencyId, person.agencyId))),
                inArray(schema.cetrs.caseId, db.select({ id: schema.caseMembers.caseId }).from(schema.caseMembers).where(and(eq(schema.caseMembers.personId, person.id), eq(schema.caseMembers.role, "icb-lead")))),
              ),
            ),
          )
          .orderBy(asc(schema.cetrs.requestedAt))
          .limit(maxMyCetrs)
      : [];
  const out: MyCetr[] = [];
  const seen = new Set<string>();
  for (const r of [...panelRows.map((p) => ({ ...p, as: "panel" as const })), ...icbRows.map((r) => ({ ...r, place: null, as: "icb-lead" as const }))]) {
    if (seen.has(r.cetr.id)) continue;
    const standing = await standingToCetr(db, person, r.cetr);
    if (standing !== r.as) continue;
    seen.add(r.cetr.id);
    out.push({ id: r.cetr.id, caseId: r.cetr.caseId, caseName: r.caseName, status: r.cetr.status, setting: r.cetr.setting, heldOn: r.cetr.heldOn, requestedAt: r.cetr.requestedAt.toISOString(), as: r.as, place: r.place });
  }
  const order: Record<string, number> = { requested: 0, arranged: 1, held: 2 };
  return out.sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3) || (a.heldOn ?? "").localeCompare(b.heldOn ?? ""));
}
