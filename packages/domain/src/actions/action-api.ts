/**
 * The action contracts: the Tiptap node every document uses, and what the API returns.
 * The node is `actionItem` (block, its text is what is to be done) with attributes id,
 * ownerId, ownerAgencyId, dueDate and status.
 */
import { z } from "zod";
import type { ActionEventField } from "./action-diff.js";
import { actionStatusSchema, blockedReasonMaxLength, type ActionStatus } from "./action-status.js";
import type { LastEscalation } from "./escalation.js";
import { textField } from "../text.js";

export const isoDateSchema = z.iso.date("Use a date like 2026-12-31");

export interface Action {
  id: string;
  caseId: string;
  documentId: string;
  meetingId: string | null;
  text: string;
  ownerId: string | null;
  ownerAgencyId: string | null;
  dueDate: string | null;
  status: ActionStatus;
  /** What is holding it up, for a blocked action; null otherwise. */
  blockedReason: string | null;
  overdue: boolean;
  updatedAt: string;
  /** Extra context for lists: where it was agreed and who owns it, in words. */
  caseName: string;
  documentTitle: string;
  ownerName: string | null;
  ownerAgencyName: string | null;
  /** The heading of the section the action sits under, e.g. "Who does what by when". */
  section: string | null;
  /** Set when the action was deleted from its document; kept for the record. */
  removedAt: string | null;
  /**
   * Whether the reader may mark it done or change its due date (mayChangeAction): lists offer
   * those buttons only when this is true.
   */
  mayUpdate: boolean;
  /** How many times it has been escalated (always 0 for a family account: seesEscalations). */
  escalations: number;
  /** Its most recent escalation, for "Escalated on … by …"; null when none (or for a family account). */
  lastEscalation: LastEscalation | null;
}

export interface ActionEvent {
  field: ActionEventField;
  from: string | null;
  to: string | null;
  by: { id: string; name: string } | null;
  at: string;
}

export const updateActionBodySchema = z
  .object({
    status: actionStatusSchema.optional(),
    dueDate: isoDateSchema.nullable().optional(),
    ownerId: z.uuid("Choose someone on the case").nullable().optional(),
    /**
     * What is holding it up: required when an action becomes blocked (the server checks, as it
     * knows whether it already is); left out, a blocked action keeps the reason it has.
     */
    blockedReason: textField()
      .trim()
      .min(1, "Say what is holding it up")
      .max(blockedReasonMaxLength, `Keep it under ${blockedReasonMaxLength} characters`)
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (b.status === undefined && b.dueDate === undefined && b.ownerId === undefined) {
      ctx.addIssue({ code: "custom", message: "Say what to change: status, due date or owner" });
    }
    if (b.blockedReason !== undefined && b.status !== "blocked") {
      ctx.addIssue({ code: "custom", path: ["blockedReason"], message: "Only a blocked action has a reason it is held up" });
    }
  });
export type UpdateActionBody = z.infer<typeof updateActionBodySchema>;

export const actionListQuerySchema = z.object({
  owner: z.union([z.literal("me"), z.uuid("owner must be me or a person id")]).optional(),
  caseId: z.uuid("caseId must be a case id").optional(),
  status: actionStatusSchema.optional(),
  overdue: z.enum(["true", "false"]).optional(),
  /** Actions owned by this agency, or by anyone who works for it. */
  agencyId: z.uuid("agencyId must be an agency id").optional(),
  /**
   * Leave out actions done or cancelled more than this many days ago (by when they were last
   * changed). "My actions" uses it: what is still to do, and what was finished lately.
   */
  closedWithinDays: z.coerce.number().int().min(0, "closedWithinDays must be 0 or more").max(3650, "closedWithinDays can be at most 3650").optional(),
  /** At most this many, soonest due first (default 500). */
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(1000, "limit can be at most 1000").optional(),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;
