/**
 * The family's access report in everyday words: "Dr Ben Carter opened Jamie's care plan", and
 * who that person is ("Professional, Northbridge CAMHS"). Families should not need to know the
 * audit trail's vocabulary to read it.
 */
import { auditActionLabels, roleLabels, type AccessReportEntry, type AuditAction } from "@roundtable/domain";

const familyVerbs: Partial<Record<AuditAction, string>> = {
  opened: "opened",
  edited: "made changes to",
  printed: "printed",
  exported: "downloaded",
};

export function accessVerb(action: AuditAction): string {
  return familyVerbs[action] ?? auditActionLabels[action].toLowerCase();
}

/** "Professional, Northbridge CAMHS"; empty when neither is known. */
export function whoTheyAre(person: AccessReportEntry["person"]): string {
  return [person.role ? roleLabels[person.role] : null, person.agency].filter((part): part is string => Boolean(part)).join(", ");
}

/** "" for once; " 3 times, first at 09:00" for a line standing for several opens that day. */
export function howOften(entry: Pick<AccessReportEntry, "count" | "firstAt">, clock: (at: string) => string): string {
  return entry.count <= 1 ? "" : ` ${entry.count} times, first at ${clock(entry.firstAt)}`;
}
