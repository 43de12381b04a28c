/** Who runs a case: the keyworkers and the service lead (caseManagerRoles) may change its team, consent and invitations. */
import type { Db } from "@roundtable/db";
import { effectiveCaseRole, mayManageCase, type Role } from "@roundtable/domain";
import type { Person } from "../auth/sessions.js";
import { forbiddenRefusal, granted, type AccessAnswer } from "./access-answer.js";
import { visibleCase, type VisibleCase } from "./access.js";

/** The case, if this person runs it: refused as not found when they cannot see it, as forbidden when they can but may not. */
export async function managedCase(db: Db, person: Person, caseId: string, what: string): Promise<AccessAnswer<VisibleCase & { role: Role }>> {
  const visible = await visibleCase(db, person, caseId);
  if (!visible.ok) return visible;
  const role = effectiveCaseRole(visible.caseRole, person.role);
  if (!role || !mayManageCase(role)) return forbiddenRefusal(`Only the keyworkers and the service lead can ${what}.`);
  return granted({ ...visible, role });
}
