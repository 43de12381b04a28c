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
