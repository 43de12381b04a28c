/** The register's order: highest risk first, then by name. */
import { compareRagRating, type CaseSummary } from "@roundtable/domain";

export function byRiskThenName(a: Pick<CaseSummary, "ragRating" | "name">, b: Pick<CaseSummary, "ragRating" | "name">): number {
  return compareRagRating(a.ragRating, b.ragRating) || a.name.localeCompare(b.name, "en-GB");
}
