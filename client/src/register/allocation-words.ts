/** How the allocation screens name the people who may be allocated. */
import type { KeyworkerChoice } from "@roundtable/domain";

/** "Priya Shah (keyworker for 4 children)": whom to choose, and how full their caseload is. */
export function keyworkerOption(choice: Pick<KeyworkerChoice, "name" | "caseload">): string {
  if (choice.caseload === 0) return `${choice.name} (no children allocated)`;
  return `${choice.name} (keyworker for ${choice.caseload === 1 ? "1 child" : `${choice.caseload} children`})`;
}
