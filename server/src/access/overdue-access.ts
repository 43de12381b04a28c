/**
 * Who may ask for the overdue list, and whose actions it holds for them (overdueScope in
 * packages/domain): the service's for senior keyworkers and service leads, a keyworker's own
 * caseload, an ICB lead's own cases. Anyone else is refused, as the page itself tells them.
 */
import { overdueScope, type OverdueScope } from "@roundtable/domain";
import type { Person } from "../auth/sessions.js";
import { forbiddenRefusal, granted, type AccessAnswer } from "./access-answer.js";

export function overdueAccess(person: Person): AccessAnswer<{ scope: OverdueScope }> {
  const scope = overdueScope(person.role);
  if (scope === null) return forbiddenRefusal("The overdue actions list is for keyworkers, senior keyworkers, service leads and ICB leads.");
  return granted({ scope });
}
