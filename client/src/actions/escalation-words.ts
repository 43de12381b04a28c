/**
 * What "Escalate" says: the button (first escalation, or the next level), who will be told, and
 * "Escalated on … by …" afterwards.
 */
import { escalatedThisTime, type Action, type EscalationLevel, type LastEscalation } from "@roundtable/domain";
import { formatUkDate, ukDayKey } from "../layout/uk-time";

/** "Helen Morris", "Helen Morris and Rachel Adams", "A, B and C". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "nobody";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * "Escalated on 6 December 2026 by Tom Hughes" (and "to the second level" for a second);
 * "Escalated 3 times, last on …" when it has been more than once.
 */
export function escalatedLine(last: LastEscalation, count = 1): string {
  const by = last.byName ?? "someone no longer here";
  const level = last.level === 2 ? ", to the second level" : "";
  const times = count > 1 ? ` ${count} times, last` : "";
  return `Escalated${times} on ${formatUkDate(last.at)} by ${by}${level}`;
}

/** Whether the next escalation goes up a level: it was escalated while overdue this time. */
export function escalatesToNextLevel(action: Pick<Action, "dueDate" | "lastEscalation">): boolean {
  return escalatedThisTime(action, ukDayKey);
}

export function escalateButtonWords(nextLevel: boolean): string {
  return nextLevel ? "Escalate to the next level" : "Escalate";
}

/** Who an escalation at this level goes to, said before the names. */
export function levelWords(level: EscalationLevel): string {
  return level === 1 ? "It goes to the owner and their agency's escalation contact." : "It goes to your second level: your manager or board contact.";
}

/** "Told: Helen Morris and Rachel Adams." */
export function toldLine(told: readonly string[]): string {
  return `Told: ${namesInWords(told)}.`;
}
