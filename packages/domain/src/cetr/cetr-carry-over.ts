/**
 * Carrying open actions into a new CETR (ADR 0027, ADR 0033): every action of the child's earlier
 * CETRs that is still outstanding appears first in the new one, under "Actions carried over from
 * earlier CETRs", to be confirmed, changed or closed there. It is the same action — its id,
 * history and owner stay — and it is carried into one CETR at most once. Pure; the server applies it.
 */
import { z } from "zod";
import { isOutstanding, type ActionStatus } from "../actions/action-status.js";
import type { CarriedActionDecision } from "../actions/carry-over.js";
import { updateActionBodySchema, type Action } from "../actions/action-api.js";
import { textField } from "../text.js";

export interface CetrCarryTarget {
  cetrId: string;
  caseId: string;
  /** When the CETR was requested: only CETRs requested before it are earlier. */
  requestedAt: Date;
}

/** An action agreed in a CETR's report, with that CETR. */
export interface CetrCarryCandidate {
  id: string;
  caseId: string;
  status: ActionStatus;
  removed: boolean;
  cetrId: string;
  cetrRequestedAt: Date;
  /** A withdrawn CETR was never held: nothing in it was agreed. */
  cetrWithdrawn: boolean;
}

/**
 * The actions a CETR carries: still outstanding, agreed in an *earlier* CETR for the same child
 * (any earlier one, so an action is not dropped because a CETR came between), never one the CETR
 * already carries, each once, in the order given.
 */
export function cetrActionsToCarry(target: CetrCarryTarget, candidates: readonly CetrCarryCandidate[], alreadyCarried: ReadonlySet<string>): string[] {
  const chosen = new Set<string>();
  for (const c of candidates) {
    if (c.caseId !== target.caseId || c.removed || !isOutstanding(c.status) || c.cetrWithdrawn) continue;
    if (c.cetrId === target.cetrId || c.cetrRequestedAt.getTime() >= target.requestedAt.getTime()) continue;
    if (alreadyCarried.has(c.id)) continue;
    chosen.add(c.id);
  }
  return [...chosen];
}

/** One action carried into a CETR, as its page shows it. */
export interface CetrCarriedAction {
  action: Action;
  /** The CETR it was agreed at. */
  agreedAt: { cetrId: string; heldOn: string | null; requestedAt: string };
  ownerOnTeam: boolean;
  decision: CarriedActionDecision | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  /** Why it was closed, when the CETR closed it. */
  closedReason: string | null;
  mayDecide: boolean;
}

export const closedReasonMaxLength = 1000;

/** What a CETR decides about an action it carried: as a meeting does, but closing one needs a reason. */
export const cetrCarriedDecisionBodySchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("confirmed") }),
  z.object({ decision: z.literal("done") }),
  z.object({
    decision: z.literal("cancelled"),
    reason: textField({ error: "Say why it is no longer needed" })
      .trim()
      .min(1, "Say why it is no longer needed")
      .max(closedReasonMaxLength, `Keep the reason under ${closedReasonMaxLength} characters`),
  }),
  z.object({ decision: z.literal("updated"), change: updateActionBodySchema }),
]);
export type CetrCarriedDecisionBody = z.infer<typeof cetrCarriedDecisionBodySchema>;
