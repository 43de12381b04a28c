/** The register's order: highest risk first, then by name (by name alone where ratings are not shown). */
import { compareRagRating, type CaseSummary } from "@roundtable/domain";

export function byRiskThenName(a: Pick<CaseSummary, "ragRating" | "name">, b: Pick<CaseSummary, "ragRating" | "name">): number {
  const byRisk = a.ragRating !== null && b.ragRating !== null ? compareRagRating(a.ragRating, b.ragRating) : 0;
  return byRisk || a.name.localeCompare(b.name, "en-GB");
}
