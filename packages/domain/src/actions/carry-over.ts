/**
 * Carrying open actions into a later meeting (ADR 0027): which of a child's actions a meeting
 * takes up under "Actions from the last meeting", and what the meeting may decide about each.
 * The action itself never moves: it stays in the document it was agreed in, with its id and
 * history; the carry-over is a record beside it. Pure; the server applies it.
 */
import { z } from "zod";
import type { Visibility } from "../documents.js";
import type { MeetingType, MeetingVisibility } from "../meetings/meeting.js";
import { updateActionBodySchema, type Action } from "./action-api.js";
import { isOutstanding, type ActionStatus } from "./action-status.js";

/**
 * Meetings whose child sections start with actions still open: a tracker or review meeting takes
 * them from the child's earlier meetings (actionsToCarry); a CETR follow-up from the CETR it
 * follows up (cetrFollowUpActionsToCarry), and from nowhere else.
 */
export const meetingTypesCarryingActions: readonly MeetingType[] = ["tracker", "review", "cetr-follow-up"];

/** Where a carry-over goes: one child's part of a later meeting (or, later, another document that reviews actions). */
export interface CarryTarget {
  caseId: string;
  meetingId: string;
  startsAt: Date;
  /** Who may see the meeting: a family-visible meeting never takes up a professionals-only action. */
  visibility: MeetingVisibility;
}

/** An action that might be carried, with where it was agreed. */
export interface CarryCandidate {
  id: string;
  caseId: string;
  status: ActionStatus;
  removed: boolean;
  /** The meeting whose minutes hold it; null for an action in a care plan or another document. */
  meetingId: string | null;
  meetingStartsAt: Date | null;
  /** Who may see the document it is in. */
  visibility: Visibility;
}

/**
 * The actions a meeting carries for one child: still outstanding, agreed in the minutes of an
 * *earlier* meeting about that child (any earlier meeting, not only the last, so nothing left
 * open is dropped because a meeting came between), never one already carried into it, each once.
 * Care-plan actions are not carried: the plan is reviewed as a whole, and its actions are there
 * on the page already. A professionals-only action never goes into a meeting the family sees.
 */
export function actionsToCarry(target: CarryTarget, candidates: readonly CarryCandidate[], alreadyCarried: ReadonlySet<string>): string[] {
  const chosen = new Set<string>();
  for (const c of candidates) {
    if (c.caseId !== target.caseId || c.removed || !isOutstanding(c.status)) continue;
    if (c.meetingId === null || c.meetingStartsAt === null || c.meetingId === target.meetingId) continue;
    if (c.meetingStartsAt.getTime() >= target.startsAt.getTime()) continue;
    if (target.visibility === "family" && c.visibility !== "family") continue;
    if (alreadyCarried.has(c.id)) continue;
    chosen.add(c.id);
  }
  return [...chosen];
}

/** Where a CETR follow-up meeting carries actions into: its minutes, for the one CETR it follows up. */
export interface CetrFollowUpTarget {
  caseId: string;
  /** The CETR the meeting follows up. */
  cetrId: string;
  /** Whether that CETR's report is agreed: until it is, the family may not read its actions. */
  cetrAgreed: boolean;
  visibility: MeetingVisibility;
}

/** An action of the child's a follow-up might take up, with how it belongs to their CETRs. */
export interface CetrFollowUpCandidate {
  id: string;
  caseId: string;
  status: ActionStatus;
  removed: boolean;
  /** The CETR whose report it was agreed in; null for one agreed in minutes or a care plan. */
  agreedInCetrId: string | null;
  /** Whether the report it was agreed in is agreed (the family may read it). */
  agreedInCetrAgreed: boolean;
  /** The CETRs it was carried into from an earlier one. */
  carriedIntoCetrIds: readonly string[];
}

/**
 * The actions a CETR follow-up meeting carries: the CETR's own — agreed in its report, or carried
 * into it from an earlier CETR — still outstanding, each once, never one already carried into the
 * meeting. Not the child's other actions (those of their meetings go to their tracker and review
 * meetings). A meeting the family sees takes them only from reports the family may read: the
 * followed-up CETR's, and the earlier one an action was agreed at, both agreed.
 */
export function cetrFollowUpActionsToCarry(target: CetrFollowUpTarget, candidates: readonly CetrFollowUpCandidate[], alreadyCarried: ReadonlySet<string>): string[] {
  const chosen = new Set<string>();
  for (const c of candidates) {
    if (c.caseId !== target.caseId || c.removed || !isOutstanding(c.status)) continue;
    if (c.agreedInCetrId !== target.cetrId && !c.carriedIntoCetrIds.includes(target.cetrId)) continue;
    if (target.visibility === "family" && !(target.cetrAgreed && c.agreedInCetrAgreed)) continue;
    if (alreadyCarried.has(c.id)) continue;
    chosen.add(c.id);
  }
  return [...chosen];
}

/** What a meeting decided about an action it carried: still on track, changed, or closed. */
export const carriedActionDecisions = ["confirmed", "updated", "done", "cancelled"] as const;
export type CarriedActionDecision = (typeof carriedActionDecisions)[number];

export const carriedActionDecisionLabels: Record<CarriedActionDecision, string> = {
  confirmed: "Still on track",
  updated: "Updated",
  done: "Done",
  cancelled: "No longer needed",
};

export const carriedActionDecisionBodySchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("confirmed") }),
  z.object({ decision: z.literal("done") }),
  z.object({ decision: z.literal("cancelled") }),
  /** Its status (blocked with a reason too), due date or owner: the same change as PATCH /api/actions/:id. */
  z.object({ decision: z.literal("updated"), change: updateActionBodySchema }),
]);
export type CarriedActionDecisionBody = z.infer<typeof carriedActionDecisionBodySchema>;

/**
 * Where a carried action was agreed: the minutes of an earlier meeting (what a tracker or review
 * meeting carries), or a CETR's report (what a CETR follow-up carries).
 */
export type AgreedAt = { kind: "meeting"; meetingId: string; title: string; startsAt: string } | { kind: "cetr"; cetrId: string; heldOn: string | null; requestedAt: string };

/** One carried action as a meeting shows it. */
export interface CarriedAction {
  action: Action;
  agreedAt: AgreedAt;
  /** False when its owner is no longer on the child's team: the meeting should give it to someone. */
  ownerOnTeam: boolean;
  decision: CarriedActionDecision | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  /** Where it stood when the meeting decided: the record, even if it moves on later. */
  decided: { status: ActionStatus; dueDate: string | null; ownerName: string | null; blockedReason: string | null } | null;
  /** Whether the reader may confirm, update or close it here (mayDecideCarriedAction). */
  mayDecide: boolean;
}

/** One child's "Actions from the last meeting" in a meeting. */
export interface CarriedActionsSection {
  caseId: string;
  /** The child's minutes document the actions are carried into. */
  documentId: string;
  actions: CarriedAction[];
}

