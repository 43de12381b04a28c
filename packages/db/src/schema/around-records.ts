/**
 * What is said and decided around the records: notifications and email choices, comments,
 * consent, invitations, and the audit trail.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  type AnyPgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type {
  AuditAction,
  CommentAnchor,
  ConsentDecision,
  ConsentKind,
  EmailChoice,
  InvitableRole,
  NotificationKind,
  PanelPlace,
  Role,
} from "@roundtable/domain";

import { agencies, cases, documents, meetings, people } from "./records.js";
import { cetrs } from "./register.js";

/** In-app notifications: an action became overdue, minutes were circulated. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id").notNull().references(() => people.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_person_idx").on(t.personId, t.createdAt),
    // The header's unread count reads only the newest unread rows of one person.
    index("notifications_unread_idx").on(t.personId, t.createdAt).where(sql`${t.readAt} is null`),
  ],
);

/**
 * How each person wants to hear of each kind of notification by email. No row means the
 * default (straight away); in-app notifications are always stored whatever is chosen here.
 */
export const emailPreferences = pgTable(
  "email_preferences",
  {
    personId: uuid("person_id").notNull().references(() => people.id),
    kind: text("kind").$type<NotificationKind>().notNull(),
    choice: text("choice").$type<EmailChoice>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);

/** One row per person per day a daily digest email was sent, so a restart never sends it twice. */
export const emailDigests = pgTable(
  "email_digests",
  {
    personId: uuid("person_id").notNull().references(() => people.id),
    day: date("day").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.day] })],
);

/**
 * Comments on a document, optionally anchored to a passage by two Yjs relative positions.
 * Replies point at the comment they answer. Resolving keeps the comment, with who and when.
 */
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    replyTo: uuid("reply_to").references((): AnyPgColumn => comments.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => people.id),
    body: text("body").notNull(),
    anchor: jsonb("anchor").$type<CommentAnchor>(),
    quote: text("quote"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => people.id),
  },
  (t) => [index("comments_document_idx").on(t.documentId, t.createdAt), index("comments_reply_to_idx").on(t.replyTo)],
);

/**
 * Consent as the family gave it: to be on the register, to have a keyworker, for the keyworker
 * to work with the family and professionals, and to share information with a named agency.
 * A record is never changed except to mark it withdrawn; a new decision is a new row.
 */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").$type<ConsentKind>().notNull(),
    /** For sharing consent: the agency information may be shared with. */
    agencyId: uuid("agency_id").references(() => agencies.id),
    decision: text("decision").$type<ConsentDecision>().notNull(),
    /** Who gave or declined it, in words, e.g. "Claire Walker (mum)". */
    givenBy: text("given_by").notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => people.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => people.id),
  },
  (t) => [index("consents_case_idx").on(t.caseId, t.recordedAt)],
);

/**
 * An invitation to join a case's team, by email, or — with a CETR and a panel place — to a place
 * on that one CETR's panel, which is not a place on the team. Only a hash of the link's token is kept.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    email: text("email").notNull(),
    name: text("name"),
    role: text("role").$type<InvitableRole>().notNull(),
    agencyId: uuid("agency_id").references(() => agencies.id),
    /** For the child's own account: how the young person agreed to it, in the keyworker's words (ADR 0012). */
    youngPersonAgreement: text("young_person_agreement"),
    /** For a place on a CETR's panel (both set, or neither): the CETR, and the place on its panel. */
    cetrId: uuid("cetr_id").references(() => cetrs.id),
    panelPlace: text("panel_place").$type<PanelPlace>(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => people.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => people.id),
  },
  (t) => [
    uniqueIndex("invitations_token_unique").on(t.tokenHash),
    index("invitations_case_idx").on(t.caseId, t.createdAt),
    index("invitations_cetr_idx").on(t.cetrId, t.createdAt).where(sql`${t.cetrId} is not null`),
    check("invitations_panel_place_with_cetr", sql`(${t.cetrId} is null) = (${t.panelPlace} is null)`),
  ],
);

/**
 * The audit trail: who did what, when, to which record. Append-only — a trigger refuses
 * UPDATE and DELETE (migration 0008) — so the trail cannot be edited after the fact.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Who did it; null for the system itself. The name and role are kept as they were then. */
    personId: uuid("person_id").references(() => people.id),
    personName: text("person_name"),
    personRole: text("person_role").$type<Role>(),
    action: text("action").$type<AuditAction>().notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    documentId: uuid("document_id").references(() => documents.id),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_events_case_idx").on(t.caseId, t.at), index("audit_events_person_idx").on(t.personId, t.at)],
);
