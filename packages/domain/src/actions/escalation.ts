/**
 * Escalating an overdue action (DOMAIN.md "Escalation"): a note, then the owner and their
 * agency's named escalation contact are told (in general words: no child's name in email); a
 * second level (the escalating person's own manager or board) is offered if it stays overdue.
 */
import { z } from "zod";
import { textField } from "../text.js";

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
