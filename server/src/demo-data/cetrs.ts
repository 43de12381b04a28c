/**
 * Demo CETRs (issue 13), overseen by Helen Morris (ICB). Jamie's first CETR was held three months
 * ago with an independent chair, its report agreed, and one of its actions is now overdue; his
 * second is arranged for next week and carries over the actions still open from the first (the
 * same actions, carried when the CETR is first opened). Ellie, in hospital, had an inpatient CETR
 * two months ago; one of its actions is overdue too, and a follow-up meeting chaired by Helen in
 * ten days will go through its actions one by one.
 */
import { randomUUID } from "node:crypto";
import { actionItem, newCetrState, newCetrSummaryState, newMinutesState, type CetrSectionContent } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { eq } from "drizzle-orm";
import { meetingTypeLabels, ukDayOf, type ActionStatus, type CetrSetting, type CetrStatus, type PanelPlace } from "@roundtable/domain";
import { defaultAgenda } from "../meetings/default-agenda.js";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

interface DemoCetrAction {
  text: string;
  owner: string;
  status: ActionStatus;
  dueInDays: number;
}

interface DemoCetr {
  child: string;
  setting: CetrSetting;
  status: CetrStatus;
  reason: string;
  requestedDaysAgo: number;
  /** Days from today: negative in the past. */
  heldInDays: number;
  chair: string;
  panel: { person: string; place: PanelPlace }[];
  findings: Record<string, { findings: string[]; recommendation?: string; actions?: DemoCetrAction[] }>;
  summary?: Partial<Record<"What the CETR was about" | "What people said" | "Who will do what by when", string[]>>;
  /** A follow-up meeting booked to go through its actions: days from today, its chair and who is invited. */
  followUp?: { inDays: number; chair: string; invited: string[] };
}

const demoCetrs: readonly DemoCetr[] = [
  {
    child: "Jamie Walker",
    setting: "community",
    status: "agreed",
    reason: "Jamie was taken to A&E twice in three weeks after crises at home. Claire is worried the family cannot keep him safe without more help.",
    requestedDaysAgo: 110,
    heldInDays: -92,
    chair: "ruth",
    panel: [{ person: "ruth", place: "independent-chair" }],
    findings: {
      "Am I safe?": {
        findings: ["Jamie is safe at home most days. The two crises both followed changes to his school day with no warning."],
        recommendation: "Claire needs support as a carer, and the family a plan for evenings.",
        actions: [{ text: "Complete a carer's assessment for Claire", owner: "lucy", status: "open", dueInDays: -30 }],
      },
      "What is my daily life like?": {
        findings: ["Jamie goes to school two mornings a week. He likes football and his dog."],
        recommendation: "School and CAMHS agree one plan for Jamie's timetable.",
        actions: [
          { text: "Agree a reduced timetable with Jamie and Claire, and share it with CAMHS", owner: "mark", status: "in-progress", dueInDays: 12 },
          { text: "Share the sensory assessment with the school", owner: "ben", status: "done", dueInDays: -60 },
        ],
      },
      "Do I need to be in hospital?": {
        findings: ["No. Jamie's needs can be met at home with the right support in place."],
      },
    },
    summary: {
      "What the CETR was about": ["People met to talk about how to help Jamie stay well at home."],
      "What people said": ["Jamie is safe at home most days.", "Changes at school with no warning are hard for Jamie."],
      "Who will do what by when": ["Lucy will check what help Claire needs as a carer.", "Mark will agree shorter school days with Jamie and Claire."],
    },
  },
  {
    child: "Jamie Walker",
    setting: "community",
    status: "arranged",
    reason: "Three months on from Jamie's CETR: the carer's assessment has not happened and Jamie has had one more crisis.",
    requestedDaysAgo: 6,
    heldInDays: 7,
    chair: "helen",
    panel: [{ person: "ruth", place: "independent-chair" }],
    findings: {},
  },
  {
    child: "Ellie Brooks",
    setting: "inpatient",
    status: "agreed",
    reason: "Ellie has been on the adolescent unit since October; her discharge needs planning.",
    requestedDaysAgo: 75,
    heldInDays: -60,
    chair: "helen",
    panel: [],
    followUp: { inDays: 10, chair: "helen", invited: ["priya", "tom", "ben"] },
    findings: {
      "Is there a plan for my future?": {
        findings: ["Ellie wants to come home for Christmas and start college in September."],
        recommendation: "A discharge date is agreed, with a home ready for Ellie.",
        actions: [
          { text: "Agree a discharge date with the ward team", owner: "ben", status: "open", dueInDays: -10 },
          { text: "Find a supported living place near Ellie's family", owner: "priya", status: "in-progress", dueInDays: 25 },
        ],
      },
    },
  },
];

function isoDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysAgo(days: number): Date {
  return new Date(Date.now() - days * 86_400_000);
}

export async function seedCetrs(tx: Tx, s: { serviceId: string; caseIdOf(name: string): string; idOf(key: string): string }): Promise<void> {
  for (const c of demoCetrs) {
    const caseId = s.caseIdOf(c.child);
    const content: Record<string, CetrSectionContent> = {};
    for (const [question, f] of Object.entries(c.findings)) {
      content[question] = {
        findings: f.findings,
        recommendations: f.recommendation
          ? [
              {
                text: f.recommendation,
                actions: (f.actions ?? []).map((a) => actionItem(a.text, { id: randomUUID(), ownerId: s.idOf(a.owner), status: a.status, dueDate: isoDay(a.dueInDays) })),
              },
            ]
          : [],
      };
    }
    const requestedAt = daysAgo(c.requestedDaysAgo);
    const title = `CETR for ${c.child}, requested ${requestedAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}`;
    const report = newCetrState(c.setting, content);
    const summary = newCetrSummaryState(c.summary ?? {});
    const [reportDoc] = await tx
      .insert(schema.documents)
      .values({ caseId, kind: "cetr", title, visibility: "professionals", snapshot: report, createdBy: s.idOf("priya") })
      .returning({ id: schema.documents.id });
    const [summaryDoc] = await tx
      .insert(schema.documents)
      .values({ caseId, kind: "cetr-summary", title: `Easy-read summary: ${title}`, visibility: "professionals", snapshot: summary, createdBy: s.idOf("priya") })
      .returning({ id: schema.documents.id });
    const agreed = c.status === "agreed";
    const heldOn = isoDay(c.heldInDays);
    const [cetr] = await tx
      .insert(schema.cetrs)
      .values({
        serviceId: s.serviceId,
        caseId,
        setting: c.setting,
        status: c.status,
        reason: c.reason,
        requestedBy: s.idOf("priya"),
        requestedAt,
        arrangedBy: s.idOf("helen"),
        heldOn,
        chairId: s.idOf(c.chair),
        documentId: reportDoc!.id,
        easyReadDocumentId: summaryDoc!.id,
        reportDueOn: agreed ? isoDay(c.heldInDays + 14) : null,
        agreedAt: agreed ? daysAgo(-c.heldInDays - 10) : null,
        createdAt: requestedAt,
      })
      .returning({ id: schema.cetrs.id });
    if (agreed) {
      const [version] = await tx
        .insert(schema.documentVersions)
        .values({ documentId: reportDoc!.id, name: "Agreed CETR report", state: report, createdBy: s.idOf(c.chair), createdAt: daysAgo(-c.heldInDays - 10) })
        .returning({ id: schema.documentVersions.id });
      await tx.insert(schema.documentVersions).values({ documentId: summaryDoc!.id, name: "Agreed easy-read summary", state: summary, createdBy: s.idOf(c.chair), partOfVersion: version!.id, createdAt: daysAgo(-c.heldInDays - 10) });
      await tx.update(schema.cetrs).set({ agreedVersionId: version!.id }).where(eq(schema.cetrs.id, cetr!.id));
    }
    if (c.followUp) await seedFollowUp(tx, { serviceId: s.serviceId, caseId, child: c.child, cetrId: cetr!.id, chairId: s.idOf(c.followUp.chair), invitedIds: c.followUp.invited.map(s.idOf), inDays: c.followUp.inDays });
    if (c.panel.length) {
      await tx.insert(schema.cetrPanel).values(
        c.panel.map((p) => ({ cetrId: cetr!.id, personId: s.idOf(p.person), place: p.place, addedBy: s.idOf("helen"), addedAt: requestedAt, endedAt: agreed ? daysAgo(-c.heldInDays - 10) : null })),
      );
    }
  }
}

/** A CETR follow-up meeting, booked as booking does (its minutes ready to write); its actions are carried when it is first opened. */
async function seedFollowUp(tx: Tx, f: { serviceId: string; caseId: string; child: string; cetrId: string; chairId: string; invitedIds: string[]; inDays: number }): Promise<void> {
  const startsAt = new Date();
  startsAt.setDate(startsAt.getDate() + f.inDays);
  startsAt.setHours(14, 0, 0, 0);
  const title = `${meetingTypeLabels["cetr-follow-up"]}: ${f.child}, ${ukDayOf(startsAt)}`;
  const [meeting] = await tx
    .insert(schema.meetings)
    .values({ serviceId: f.serviceId, type: "cetr-follow-up", title, startsAt, location: "Northbridge House, room 4", visibility: "family", chairId: f.chairId, caseId: f.caseId, cetrId: f.cetrId })
    .returning({ id: schema.meetings.id });
  const meetingId = meeting!.id;
  await tx.insert(schema.meetingCases).values({ meetingId, caseId: f.caseId, position: 0 });
  await tx.insert(schema.meetingInvitees).values(f.invitedIds.map((personId) => ({ meetingId, personId })));
  const [minutes] = await tx
    .insert(schema.documents)
    .values({ caseId: f.caseId, meetingId, kind: "minutes", title: `Minutes: ${title}`, visibility: "family", snapshot: newMinutesState({ agenda: defaultAgenda("cetr-follow-up", [f.child]) }), createdBy: f.chairId })
    .returning({ id: schema.documents.id });
  await tx.update(schema.meetings).set({ minutesDocumentId: minutes!.id }).where(eq(schema.meetings.id, meetingId));
}

/**
 * After the demo documents' actions are tracked (as if typed just now): each CETR's actions date
 * from the day it was held, and those already started or done have the change in their history,
 * a couple of weeks later — so the ICB lead's "open and completed over time" tells the demo's
 * story, not one jump this week. The kept figures are rebuilt from that history (ADR 0034).
 */
export async function dateDemoCetrActions(db: Db): Promise<void> {
  const rows = await db
    .select({ id: schema.actions.id, status: schema.actions.status, ownerId: schema.actions.ownerId, heldOn: schema.cetrs.heldOn })
    .from(schema.actions)
    .innerJoin(schema.cetrs, eq(schema.cetrs.documentId, schema.actions.documentId));
  await db.transaction(async (tx) => {
    for (const r of rows) {
      if (!r.heldOn || r.heldOn >= isoDay(0)) continue;
      const agreedAt = new Date(`${r.heldOn}T15:00:00Z`);
      await tx.update(schema.actions).set({ createdAt: agreedAt }).where(eq(schema.actions.id, r.id));
      if (r.status === "done" || r.status === "in-progress") {
        const changedAt = new Date(Math.min(agreedAt.getTime() + 16 * 86_400_000, Date.now() - 86_400_000));
        await tx.insert(schema.actionEvents).values({ actionId: r.id, field: "status", fromValue: "open", toValue: r.status, byId: r.ownerId, at: changedAt });
      }
    }
    await tx.update(schema.cetrActionFiguresState).set({ asOf: null });
  });
}
