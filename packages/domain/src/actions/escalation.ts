/**
 * Escalating an overdue action (DOMAIN.md "Escalation"): a note, then the owner and their
 * agency's named escalation contact are told (in general words: no child's name in email); a
 * second level (the escalating person's own manager or board) is offered if it stays overdue.
 * Who is told, and whether an escalation may be made at all, is decided here (planEscalation),
 * so the form's "who will be told" and the server's check are one rule.
 */
import { z } from "zod";
import { isOverdue, type ActionStatus } from "./action-status.js";
import { textField } from "../text.js";
import { ukCalendarDate } from "../today.js";

export const escalationNoteMaxLength = 2000;

export const escalationBodySchema = z.object({
  note: textField({ error: "Say what you need to happen" })
    .trim()
    .min(1, "Say what you need to happen")
    .max(escalationNoteMaxLength, `Keep the note under ${escalationNoteMaxLength} characters`),
});
export type EscalationBody = z.infer<typeof escalationBodySchema>;

/** The first level goes to the owner's agency; the second to the escalating person's manager or board. */
export const escalationLevels = [1, 2] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export interface Escalation {
  id: string;
  actionId: string;
  level: EscalationLevel;
  note: string;
  by: { id: string; name: string } | null;
  at: string;
  /** Who was told, by name. */
  told: string[];
}

/** The answer to POST /api/actions/:id/escalations: the escalation, and who could not be told and why. */
export interface EscalationWritten extends Escalation {
  /** Plain-English notes, e.g. that the owner's agency has no escalation contact named. */
  notes: string[];
}

/** Who an escalation made now would tell, or why none can be made. */
export type NextEscalation =
  | { ok: true; level: EscalationLevel; told: { id: string; name: string }[]; notes: string[] }
  | { ok: false; reason: string };

/** GET /api/actions/:id/escalations: every escalation, oldest first, and what escalating now would do. */
export interface ActionEscalations {
  escalations: Escalation[];
  next: NextEscalation;
}

/** The most recent escalation of an action, as lists show it ("Escalated on … by …"). */
export interface LastEscalation {
  level: EscalationLevel;
  at: string;
  byName: string | null;
}

export function isEscalationLevel(value: number): value is EscalationLevel {
  return (escalationLevels as readonly number[]).includes(value);
}

/** The day an escalation was made, in England: an ISO date, comparable with due dates. */
export interface EarlierEscalation {
  level: EscalationLevel;
  byId: string | null;
  on: string;
}

/**
 * Escalations made while the action has been overdue this time: those made after its current due
 * date. Moving the due date on starts afresh, so an action that becomes overdue again starts at
 * the first level.
 */
export function escalationsThisTime<T extends { on: string }>(dueDate: string | null, earlier: readonly T[]): T[] {
  if (dueDate === null) return [];
  return earlier.filter((e) => e.on > dueDate);
}

export interface EscalationFacts {
  action: { status: ActionStatus; dueDate: string | null; removed: boolean };
  /** Today in England (todayInEngland). */
  today: string;
  /** The person escalating. */
  personId: string;
  earlier: readonly EarlierEscalation[];
  /** The owner, when a person owns it; `family` for a parent or young person. */
  owner: { id: string; name: string; family: boolean } | null;
  /** The owner's agency (or the agency the action is given to) and its escalation contact. */
  agency: { name: string; contact: { id: string; name: string } | null } | null;
  /** Who the escalating person's escalations go to at the second level (people.escalates_to_id). */
  escalatesTo: { id: string; name: string } | null;
}

/**
 * Whether an escalation may be made now, at which level, and who it tells. Only an overdue
 * action may be escalated. The first escalation while it is overdue tells the owner and their
 * agency's escalation contact; any later one tells the escalating person's own second level.
 * Someone escalates an action at most once a level a day. Nobody is told of what they did
 * themselves.
 */
export function planEscalation(f: EscalationFacts): NextEscalation {
  const refusal = notOverdueReason(f.action, f.today);
  if (refusal) return { ok: false, reason: refusal };
  if (f.owner?.family) {
    return { ok: false, reason: "This action is the family's own. Escalating is for actions owned by services: talk with the family instead." };
  }
  const thisTime = escalationsThisTime(f.action.dueDate, f.earlier);
  const level: EscalationLevel = thisTime.length === 0 ? 1 : 2;
  // (The first level is never repeated while it is overdue: a second escalation goes up a level.)
  if (thisTime.some((e) => e.level === level && e.byId === f.personId && e.on === f.today)) {
    return { ok: false, reason: "You have escalated this action today already. If it is still overdue tomorrow, you can escalate it again." };
  }
  const told = new Map<string, string>();
  const notes: string[] = [];
  if (level === 2) {
    if (!f.escalatesTo) return { ok: false, reason: "No second level is set up for you: ask your service lead" };
    told.set(f.escalatesTo.id, f.escalatesTo.name);
  } else {
    if (f.owner) told.set(f.owner.id, f.owner.name);
    else notes.push("No one is named as its owner, so no owner is told.");
    if (f.agency?.contact) told.set(f.agency.contact.id, f.agency.contact.name);
    else if (f.agency) notes.push(`${f.agency.name} has no escalation contact named, so only the owner is told. Ask your service lead to name one.`);
    else if (f.owner) notes.push(`${f.owner.name} is not recorded as working for an agency, so only they are told.`);
  }
  told.delete(f.personId);
  if (told.size === 0) {
    return {
      ok: false,
      reason:
        level === 1
          ? "There is nobody to tell about this action: it has no owner other than you and no agency contact. Give it an owner first."
          : "Your second level is yourself, so there is nobody to tell: ask your service lead.",
    };
  }
  return { ok: true, level, told: [...told].map(([id, name]) => ({ id, name })), notes };
}

/** Why an action cannot be escalated because it is not overdue, in plain English; null when it is overdue. */
function notOverdueReason(action: EscalationFacts["action"], today: string): string | null {
  if (action.removed) return "This action has been removed from its document, so it cannot be escalated.";
  if (isOverdue(action, today)) return null;
  if (action.status === "done") return "This action is done, so there is nothing to escalate.";
  if (action.status === "cancelled") return "This action was cancelled, so there is nothing to escalate.";
  if (action.dueDate === null) return "This action has no due date, so it cannot be overdue. Give it a due date first.";
  return `This action is not overdue: it is due on ${ukCalendarDate(action.dueDate)}. Only an overdue action can be escalated.`;
}

/**
 * What a list shows of an action's escalations: whether it was escalated while overdue this time
 * (so the next escalation goes to the second level), from the action's last escalation.
 */
export function escalatedThisTime(action: { dueDate: string | null; lastEscalation: LastEscalation | null }, dayOf: (iso: string) => string): boolean {
  if (!action.lastEscalation) return false;
  return escalationsThisTime(action.dueDate, [{ on: dayOf(action.lastEscalation.at) }]).length > 0;
}
