/**
 * Who the overdue view is for: those who chase and escalate across the service. ICB leads chase
 * CETR actions, so they have it too. (The server decides what each person may see.)
 */
import type { Role } from "@roundtable/domain";

export const overdueViewRoles: readonly Role[] = ["senior-keyworker", "service-lead", "icb-lead"];

export function usesOverdueView(role: Role): boolean {
  return overdueViewRoles.includes(role);
}
