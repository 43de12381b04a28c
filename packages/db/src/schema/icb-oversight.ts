/**
 * Who each ICB oversees, kept by the database (ADR 0036): one row for each child an ICB's leads
 * may follow up — the child's keyworking service is one the ICB commissions (`icb_commissions`,
 * the agency being of kind "icb"), and the family's latest decision on sharing with that ICB is
 * "given" and not withdrawn. Triggers on consents, cases, icb_commissions and agencies keep it
 * (the migration that made the table holds the rule and them); nothing in the application
 * writes it.
 *
 * It is the rule read once, not a second rule: every page an ICB lead opens joins it instead
 * of working out 5,000 children's latest consent on every request.
 */
import { index, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";
import { agencies, cases } from "./records.js";

export const icbOversight = pgTable(
  "icb_oversight",
  {
    icbAgencyId: uuid("icb_agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.icbAgencyId, t.caseId] }), index("icb_oversight_case_idx").on(t.caseId)],
);
