/**
 * SLOT — where the "Escalate" button goes on each overdue CETR action. Another helper is building
 * client/src/actions/EscalateAction.tsx (props `{ action: Action; onEscalated?: () => void }`);
 * when the two are merged, this body becomes
 *     return <EscalateAction action={action} onEscalated={onEscalated} />;
 * (`onEscalated` fetches the page again, so the "Escalated" count goes up at once).
 */
import type { Action } from "@roundtable/domain";

export function EscalateSlot(_slot: { action: Action; onEscalated: () => void }) {
  return null;
}
