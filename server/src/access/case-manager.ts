/** Who runs a case: the keyworkers and the service lead (caseManagerRoles) may change its team, consent and invitations. */
import type { Db } from "@roundtable/db";
import { caseManagerRoles, effectiveCaseRole, type Role } from "@roundtable/domain";
import { forbidden } from "../errors.js";
import type { Person } from "../auth/sessions.js";
import { visibleCase, type VisibleCase } from "./access.js";

/** The case, if this person runs it: 404 when they cannot see it, 403 when they can but may not. */
export async function requireCaseManager(db: Db, person: Person, caseId: string, what: string): Promise<VisibleCase & { role: Role }> {
  const visible = await visibleCase(db, person, caseId);
  const role = effectiveCaseRole(visible.caseRole, person.role);
  if (!role || !caseManagerRoles.includes(role)) throw forbidden(`Only the keyworkers and the service lead can ${what}.`);
  return { ...visible, role };
}
