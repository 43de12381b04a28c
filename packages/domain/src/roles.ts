/**
 * The people who use Roundtable, in the words of ../shared/DOMAIN.md.
 * An account has one role; a case team member has a role on that case.
 */
import { z } from "zod";

export const roles = [
  "keyworker",
  "senior-keyworker",
  "service-lead",
  "professional",
  "icb-lead",
  "parent",
  "young-person",
  "admin",
] as const;

export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  keyworker: "Keyworker",
  "senior-keyworker": "Senior keyworker",
  "service-lead": "Service lead",
  professional: "Professional",
  "icb-lead": "ICB lead",
  parent: "Parent or carer",
  "young-person": "Young person",
  admin: "Administrator",
};

/** Family accounts: never shown anything marked for professionals only. */
export function isFamilyRole(role: Role): boolean {
  return role === "parent" || role === "young-person";
}

/** Roles who see every case in their keyworking service without being on its team. */
export function seesWholeService(role: Role): boolean {
  return role === "service-lead" || role === "admin";
}
