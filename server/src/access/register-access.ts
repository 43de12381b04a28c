/**
 * Who may read the register (mayUseRegister in packages/domain): the senior keyworkers and the
 * service lead, each for their whole service. Everyone else is refused, in words that say where
 * what they need is instead.
 */
import { isFamilyRole, mayUseRegister } from "@roundtable/domain";
import type { Person } from "../auth/sessions.js";
import { forbiddenRefusal, granted, type AccessAnswer } from "./access-answer.js";

export function registerAccess(person: Person): AccessAnswer<object> {
  if (mayUseRegister(person.role)) return granted({});
  if (person.role === "keyworker") {
    return forbiddenRefusal("The register is for senior keyworkers and the service lead. The children you are keyworker for are on your home page, highest risk first.");
  }
  if (isFamilyRole(person.role)) return forbiddenRefusal("This is a list for the keyworking service's staff. Your keyworker can tell you anything you need to know.");
  return forbiddenRefusal("The register is for the keyworking service's senior keyworkers and service lead.");
}
