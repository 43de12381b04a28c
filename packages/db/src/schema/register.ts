/**
 * The Dynamic Support Register and CETRs (issue 13): referrals and their triage, each child's
 * RAG rating history, keyworker cover, CETRs with their panels, which ICBs commission which
 * services, and escalations of overdue actions.
 */
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { CetrSetting, CetrStatus, PanelPlace, RecordedRagRating } from "@roundtable/domain";
import { actions, agencies, cases, documents, documentVersions, people, services } from "./records.js";

/**
 * Every change of a child's RAG rating: never updated, never deleted. `cases.rag_rating` is the
 * latest one's `to`, written in the same transaction. `seq` orders changes at the same instant.
 */
export const ragChanges = pgTable(
  "rag_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: integer("seq").generatedAlwaysAsIdentity(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    fromRating: text("from_rating").$type<RecordedRagRating>(),
    toRating: text("to_rating").$type<RecordedRagRating>().notNull(),
    reason: text("reason").notNull(),
    byId: uuid("by_id").references(() => people.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rag_changes_case_idx").on(t.caseId, t.at), index("rag_changes_at_idx").on(t.at)],
);

/**
 * A referral to the register: by a professional, or a family's self-referral recorded by a
 * keyworker. Waits in triage until accepted (a case is made) or not (with a reason, told to the
 * referrer in general words).
 */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id").notNull().references(() => services.id),
    childName: text("child_name").notNull(),
    dateOfBirth: date("date_of_birth"),
    /** "professional" or "self" (a family's own referral, recorded by a keyworker). */
    source: text("source").$type<"professional" | "self">().notNull(),
    referredBy: uuid("referred_by").references(() => people.id),
    whyNow: text("why_now").notNull(),
    risk: text("risk").notNull(),
    registerConsent: text("register_consent").$type<"given" | "refused" | "not-asked">().notNull(),
    status: text("status").$type<"waiting" | "accepted" | "declined">().notNull().default("waiting"),
    decidedBy: uuid("decided_by").references(() => people.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    declineReason: text("decline_reason"),
    caseId: uuid("case_id").references(() => cases.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("referrals_service_status_idx").on(t.serviceId, t.status, t.createdAt)],
);

/** Who covers a child's keyworker during an absence, and when. */
export const keyworkerCover = pgTable(
  "keyworker_cover",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    personId: uuid("person_id").notNull().references(() => people.id),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date").notNull(),
    recordedBy: uuid("recorded_by").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("keyworker_cover_case_idx").on(t.caseId, t.fromDate)],
);

/** Which keyworking services an ICB (an agency of kind "icb") commissions: whose children its leads oversee. */
export const icbCommissions = pgTable(
  "icb_commissions",
  {
    icbAgencyId: uuid("icb_agency_id").notNull().references(() => agencies.id),
    serviceId: uuid("service_id").notNull().references(() => services.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.icbAgencyId, t.serviceId] }), index("icb_commissions_service_idx").on(t.serviceId)],
);

/** A CETR: its own record with its own live document (kind "cetr"). */
export const cetrs = pgTable(
  "cetrs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id").notNull().references(() => services.id),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    setting: text("setting").$type<CetrSetting>().notNull(),
    status: text("status").$type<CetrStatus>().notNull().default("requested"),
    reason: text("reason").notNull(),
    requestedBy: uuid("requested_by").references(() => people.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    arrangedBy: uuid("arranged_by").references(() => people.id),
    heldOn: date("held_on"),
    chairId: uuid("chair_id").references(() => people.id),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    /** The easy-read summary for the young person and family, written alongside the report. */
    easyReadDocumentId: uuid("easy_read_document_id").references(() => documents.id),
    agreedAt: timestamp("agreed_at", { withTimezone: true }),
    agreedVersionId: uuid("agreed_version_id").references(() => documentVersions.id),
    /** The report must be circulated by then (held on + the service's days); the chair is reminded before. */
    reportDueOn: date("report_due_on"),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    withdrawnReason: text("withdrawn_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cetrs_case_idx").on(t.caseId, t.createdAt),
    index("cetrs_service_status_idx").on(t.serviceId, t.status),
    uniqueIndex("cetrs_document_unique").on(t.documentId),
    // Which CETR an easy-read summary belongs to is asked alongside which a report does (cetrDocumentLevels).
    index("cetrs_easy_read_document_idx").on(t.easyReadDocumentId),
  ],
);

/** A panel place on one CETR: not a place on the child's team; it ends when the report is agreed. */
export const cetrPanel = pgTable(
  "cetr_panel",
  {
    cetrId: uuid("cetr_id").notNull().references(() => cetrs.id),
    personId: uuid("person_id").notNull().references(() => people.id),
    place: text("place").$type<PanelPlace>().notNull(),
    addedBy: uuid("added_by").references(() => people.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.cetrId, t.personId] }), index("cetr_panel_person_idx").on(t.personId)],
);

/** An overdue action escalated: the note, the level, who was told. Never changed once written. */
export const actionEscalations = pgTable(
  "action_escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id").notNull().references(() => actions.id),
    level: integer("level").notNull(),
    note: text("note").notNull(),
    byId: uuid("by_id").references(() => people.id),
    /** The people told, by id (the owner, the agency's escalation contact, or the second level). */
    toldIds: uuid("told_ids").array().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_escalations_action_idx").on(t.actionId, t.at)],
);
