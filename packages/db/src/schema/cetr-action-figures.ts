/**
 * The CETR actions page's figures, kept by the database as actions change (ADR 0034): how many
 * CETR actions are open, overdue, due soon and done, for each child's CETR report by agency and
 * owner; and, day by day, how many became open or done. Triggers on `actions` keep both (the
 * migration that made these tables holds them); nothing in the application writes them except
 * the daily rebuild, which also moves "overdue" and "due soon" on to the new day.
 *
 * They are figures, never the record: they can always be rebuilt from `actions`, `cetrs` and
 * `action_events`, and are whenever `cetr_action_figures_state.as_of` is not today.
 */
import { date, index, integer, pgTable, primaryKey, unique, uuid } from "drizzle-orm/pg-core";

/** Per CETR report (its document), agency and owner: the counts on the day `as_of` says. */
export const cetrActionFigures = pgTable(
  "cetr_action_figures",
  {
    caseId: uuid("case_id").notNull(),
    documentId: uuid("document_id").notNull(),
    agencyId: uuid("agency_id"),
    ownerId: uuid("owner_id"),
    /** Every action not removed, whatever its status (so a child whose actions are all cancelled still counts). */
    total: integer("total").notNull().default(0),
    open: integer("open").notNull().default(0),
    overdue: integer("overdue").notNull().default(0),
    dueSoon: integer("due_soon").notNull().default(0),
    done: integer("done").notNull().default(0),
  },
  (t) => [unique("cetr_action_figures_key").on(t.caseId, t.documentId, t.agencyId, t.ownerId).nullsNotDistinct(), index("cetr_action_figures_case_idx").on(t.caseId)],
);

/** One row: the day the figures' overdue and due-soon counts are for (null: rebuild before reading). */
export const cetrActionFiguresState = pgTable("cetr_action_figures_state", {
  id: integer("id").primaryKey(),
  asOf: date("as_of"),
  /** How many days ahead "due soon" reaches (dueSoonDays in packages/domain), as the figures were counted. */
  dueSoonDays: integer("due_soon_days").notNull().default(14),
});

/** Per child, agency, owner and day: how many CETR actions became open (or stopped being), and done. */
export const cetrActionStatusDays = pgTable(
  "cetr_action_status_days",
  {
    caseId: uuid("case_id").notNull(),
    agencyId: uuid("agency_id"),
    ownerId: uuid("owner_id"),
    day: date("day").notNull(),
    open: integer("open").notNull().default(0),
    done: integer("done").notNull().default(0),
  },
  (t) => [unique("cetr_action_status_days_key").on(t.caseId, t.agencyId, t.ownerId, t.day).nullsNotDistinct(), index("cetr_action_status_days_case_idx").on(t.caseId)],
);

/**
 * The figures above summed per child (kept from them by a trigger): the CETR actions page's
 * children, most overdue first, and how many children have CETR actions, read from one row per
 * child rather than summed from every report's rows on each request. The index is in the order
 * `order by overdue desc, open desc` reads (descending puts nulls first; an index built nulls
 * last is not walked for it, and the page's first few hundred would wait for a sort of all).
 */
export const cetrActionChildFigures = pgTable(
  "cetr_action_child_figures",
  {
    caseId: uuid("case_id").primaryKey(),
    total: integer("total").notNull().default(0),
    open: integer("open").notNull().default(0),
    overdue: integer("overdue").notNull().default(0),
    dueSoon: integer("due_soon").notNull().default(0),
    done: integer("done").notNull().default(0),
  },
  (t) => [index("cetr_action_child_figures_overdue_idx").on(t.overdue.desc().nullsFirst(), t.open.desc().nullsFirst())],
);

/** The figures summed per CETR report (its document), kept the same way: the page's CETRs, most overdue first. */
export const cetrActionReportFigures = pgTable(
  "cetr_action_report_figures",
  {
    documentId: uuid("document_id").primaryKey(),
    caseId: uuid("case_id").notNull(),
    total: integer("total").notNull().default(0),
    open: integer("open").notNull().default(0),
    overdue: integer("overdue").notNull().default(0),
    dueSoon: integer("due_soon").notNull().default(0),
    done: integer("done").notNull().default(0),
  },
  (t) => [index("cetr_action_report_figures_overdue_idx").on(t.overdue.desc().nullsFirst(), t.open.desc().nullsFirst()), index("cetr_action_report_figures_case_idx").on(t.caseId)],
);

/**
 * The day-by-day changes summed per child and day (kept from them by a trigger, as the figures
 * per child are): the open-and-completed chart while the page is not narrowed to an agency or
 * owner, read from a row per child and day rather than one per child, agency, owner and day.
 */
export const cetrActionChildDays = pgTable(
  "cetr_action_child_days",
  {
    caseId: uuid("case_id").notNull(),
    day: date("day").notNull(),
    open: integer("open").notNull().default(0),
    done: integer("done").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.day] })],
);
