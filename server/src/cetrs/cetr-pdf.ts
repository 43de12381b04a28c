/**
 * A CETR's report as a PDF (GET /api/cetrs/:id/pdf), for anyone who may open the CETR: the report
 * as agreed once it is (its frozen version), otherwise as it stands, marked a draft and for
 * professionals only; then the actions table — every action agreed in this CETR, and every action
 * carried into it from earlier CETRs with what this CETR decided — as the actions stand today.
 * Each download is on the child's audit trail.
 */
import { schema, type Db } from "@roundtable/db";
import {
  actionStatusLabels,
  carriedActionDecisionLabels,
  cetrByDate,
  cetrDocumentAccess,
  cetrSettingLabels,
  isOverdue,
  todayInEngland,
  ukCalendarDate,
  ukDayOf,
  type ActionStatus,
  type CarriedActionDecision,
} from "@roundtable/domain";
import { and, asc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { standingToCetr, type CetrRow } from "../access/cetr-standing.js";
import { recordAudits } from "../audit/audit-log.js";
import { documentAuditContext } from "../audit/document-context.js";
import type { Person } from "../auth/sessions.js";
import { stateToJson } from "../documents/document-record.js";
import { notFound } from "../errors.js";
import { actionOwnerNames } from "../pdf/action-owner-names.js";
import { writePdf } from "../pdf/pdf-writer.js";
import { maxCarriedActionsPerCetr } from "./cetr-carry-over.js";
import { openCetr, type CetrDeps } from "./cetrs.js";

/** The most actions agreed in one CETR the table lists: a bound on one download. */
export const maxActionsInCetrPdf = 1000;

const actionsTableHeadings = ["What", "Who", "By when", "Status"];
// Wide enough for "Wed 30 Sep 2026" and "Not started (overdue)" on one line each.
const actionsTableWidths = [4.2, 2.3, 2.1, 2.6];

/** An action as the table shows it, with where it stands today. */
interface TableAction {
  text: string;
  status: ActionStatus;
  dueDate: string | null;
  blockedReason: string | null;
  ownerName: string | null;
  agencyName: string | null;
}

function actionCells(a: TableAction, today: string): [string, string, string, string] {
  const who = a.ownerName ?? a.agencyName ?? "No owner yet";
  const when = a.dueDate ? ukCalendarDate(a.dueDate) : "No due date";
  let status = actionStatusLabels[a.status];
  if (a.status === "blocked" && a.blockedReason) status += `: ${a.blockedReason}`;
  if (isOverdue(a, today)) status += " (overdue)";
  return [a.text || "(not written yet)", who, when, status];
}

function decisionWords(decision: CarriedActionDecision | null, closedReason: string | null): string {
  if (!decision) return "Not reviewed at this CETR.";
  return `This CETR: ${carriedActionDecisionLabels[decision]}.${closedReason ? ` Reason: ${closedReason}${/[.!?]$/.test(closedReason) ? "" : "."}` : ""}`;
}

const owner = alias(schema.people, "owner");
/** What the table shows of an action (joined to its owner and their agency). */
const tableColumns = {
  text: schema.actions.text,
  status: schema.actions.status,
  dueDate: schema.actions.dueDate,
  blockedReason: schema.actions.blockedReason,
  ownerName: owner.name,
  agencyName: schema.agencies.name,
};

/** The actions agreed in this CETR's report, in the report's order. */
async function agreedActions(db: Db, cetr: CetrRow): Promise<TableAction[]> {
  return db
    .select(tableColumns)
    .from(schema.actions)
    .leftJoin(owner, eq(owner.id, schema.actions.ownerId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.actions.ownerAgencyId))
    .where(and(eq(schema.actions.documentId, cetr.documentId), isNull(schema.actions.removedAt)))
    .orderBy(asc(schema.actions.position), asc(schema.actions.id))
    .limit(maxActionsInCetrPdf);
}

/**
 * The actions carried into this CETR, with the CETR each was agreed at and what this one decided;
 * only those whose earlier CETR the reader may open too (the family read only agreed reports).
 */
async function carriedActions(db: Db, person: Person, cetr: CetrRow): Promise<(TableAction & { from: string; decision: CarriedActionDecision | null; closedReason: string | null })[]> {
  const source = alias(schema.cetrs, "source_cetr");
  const rows = await db
    .select({
      ...tableColumns,
      source,
      decision: schema.carriedActions.decision,
      closedReason: schema.carriedActions.closedReason,
    })
    .from(schema.carriedActions)
    .innerJoin(schema.actions, eq(schema.actions.id, schema.carriedActions.actionId))
    .innerJoin(source, eq(source.documentId, schema.actions.documentId))
    .leftJoin(owner, eq(owner.id, schema.actions.ownerId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.actions.ownerAgencyId))
    .where(and(eq(schema.carriedActions.cetrId, cetr.id), eq(schema.carriedActions.documentId, cetr.documentId), isNull(schema.actions.removedAt)))
    .orderBy(asc(source.requestedAt), asc(schema.actions.position), asc(schema.actions.id))
    .limit(maxCarriedActionsPerCetr);
  const mayOpen = new Map<string, boolean>();
  for (const r of rows) {
    if (!mayOpen.has(r.source.id)) mayOpen.set(r.source.id, cetrDocumentAccess(await standingToCetr(db, person, r.source), r.source.status) !== "none");
  }
  return rows.filter((r) => mayOpen.get(r.source.id)).map(({ source: from, ...r }) => ({ ...r, from: cetrByDate({ heldOn: from.heldOn, requestedAt: from.requestedAt }) }));
}

async function reportState(deps: Pick<CetrDeps, "db" | "registry">, cetr: CetrRow): Promise<{ state: Uint8Array; agreed: boolean }> {
  if (cetr.status === "agreed" && cetr.agreedVersionId) {
    const [version] = await deps.db.select({ state: schema.documentVersions.state }).from(schema.documentVersions).where(eq(schema.documentVersions.id, cetr.agreedVersionId));
    if (version) return { state: version.state, agreed: true };
  }
  return { state: await deps.registry.readState(cetr.documentId), agreed: false };
}

export async function cetrPdf(deps: Pick<CetrDeps, "db" | "registry">, person: Person, cetrId: string, now = new Date()): Promise<{ filename: string; pdf: Buffer }> {
  const { db } = deps;
  const { cetr } = await openCetr(db, person, cetrId);
  const chair = alias(schema.people, "chair");
  const [facts] = await db
    .select({ caseName: schema.cases.name, title: schema.documents.title, chairName: chair.name })
    .from(schema.cetrs)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.cetrs.caseId))
    .innerJoin(schema.documents, eq(schema.documents.id, schema.cetrs.documentId))
    .leftJoin(chair, eq(chair.id, schema.cetrs.chairId))
    .where(eq(schema.cetrs.id, cetr.id));
  if (!facts) throw notFound("That CETR");
  const { state, agreed } = await reportState(deps, cetr);
  const report = stateToJson(state);
  const names = await actionOwnerNames(db, report);
  const today = todayInEngland(now);
  const agreedHere = await agreedActions(db, cetr);
  const carried = await carriedActions(db, person, cetr);
  const rows = [
    ...agreedHere.map((a) => actionCells(a, today)),
    ...carried.map((c) => {
      const [what, who, when, status] = actionCells(c, today);
      return [`${what}\nCarried over from ${c.from}.`, who, when, `${status}\n${decisionWords(c.decision, c.closedReason)}`];
    }),
  ];
  const versionLabel = agreed
    ? `Version: Agreed CETR report${cetr.agreedAt ? ` (agreed ${ukDayOf(cetr.agreedAt)})` : ""}`
    : cetr.status === "withdrawn"
      ? "Version: Withdrawn before it was held, never agreed"
      : "Version: Draft, not yet agreed";

  const pdf = await writePdf({ title: facts.title, versionLabel, downloadedBy: person.name, downloadedAt: now }, (w) => {
    w.titleBlock("CETR report");
    // Until it is agreed the family may not read it; once agreed, it is theirs too.
    if (!agreed) w.warning("Draft, not yet agreed. Professionals only: do not share with the family or the young person.");
    w.pdf.moveDown(0.8);
    w.detail("About", facts.caseName);
    w.detail("Setting", cetrSettingLabels[cetr.setting]);
    w.detail("Held on", cetr.heldOn ? ukCalendarDate(cetr.heldOn) : "Not held yet");
    w.detail("Chair", facts.chairName ?? "Not chosen yet");
    if (agreed && cetr.agreedAt) w.detail("Report agreed", ukDayOf(cetr.agreedAt));
    w.detail("Produced", ukDayOf(now));
    w.rule();
    w.blocks(report, names, "Nothing has been written in the report yet.");
    w.rule();
    w.sectionHeading("Actions");
    w.pdf.moveDown(0.2);
    if (rows.length === 0) {
      w.note("No actions have been agreed at this CETR, and none were carried into it.");
      return;
    }
    w.note(`Every action agreed at this CETR, then those carried over from earlier CETRs, as they stand on ${ukDayOf(now)}.`);
    w.pdf.moveDown(0.4);
    w.table(actionsTableHeadings, rows, actionsTableWidths);
  });

  const context = await documentAuditContext(db, person, { caseId: cetr.caseId, meetingId: null });
  await recordAudits(db, [
    { actor: person, role: context.role, action: "exported", caseId: cetr.caseId, documentId: cetr.documentId, meetingId: null, detail: { format: "pdf", version: agreed ? "agreed" : "draft", what: "cetr-report" } },
  ]);
  const slug = facts.caseName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  const day = cetr.heldOn ?? cetr.requestedAt.toISOString().slice(0, 10);
  return { filename: `cetr-report-${slug || "child"}-${day}${agreed ? "" : "-draft"}.pdf`, pdf };
}
