/**
 * The records themselves: the service, its people and their sessions, cases and their teams,
 * documents with their update log and versions, actions, and meetings.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
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
  ActionEventField,
  CommunicationNeeds,
  ActionStatus,
  Attendance,
  CarriedActionDecision,
  CarriedActionRecord,
  DocumentKind,
  EditedSection,
  MeetingStatus,
  MeetingType,
  MeetingVisibility,
  RagLevel,
  RecordedRagRating,
  Role,
  Visibility,
} from "@roundtable/domain";
import { bytea } from "./bytea.js";
import { cetrs } from "./register.js";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** A keyworking service: the tenant. */
export const services = pgTable("services", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  area: text("area").notNull(),
  /** The service's RAG levels with its own written criteria; null means the four every service has. */
  ragLevels: jsonb("rag_levels").$type<RagLevel[]>(),
  /** Register signals the service tunes: a red child with no CETR in this many weeks. */
  redWithoutCetrWeeks: integer("red_without_cetr_weeks").notNull().default(12),
  /** A child in hospital (blue) is due a CETR this many months after the last. */
  inpatientCetrEveryMonths: integer("inpatient_cetr_every_months").notNull().default(3),
  /** A rating unchanged this many weeks is worth a look. */
  ratingUnchangedWeeks: integer("rating_unchanged_weeks").notNull().default(26),
  /** A keyworker holding more than this many children is over their caseload. */
  caseloadLimit: integer("caseload_limit").notNull().default(12),
  /** A CETR report is circulated within this many days of the CETR. */
  cetrReportDays: integer("cetr_report_days").notNull().default(14),
  ...timestamps,
});

export const agencies = pgTable("agencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  serviceId: uuid("service_id").notNull().references(() => services.id),
  name: text("name").notNull(),
  kind: text("kind").notNull(), // health, social-care, education, icb, voluntary, keyworking
  /** The named person told when one of this agency's actions is escalated. */
  escalationContactId: uuid("escalation_contact_id").references((): AnyPgColumn => people.id),
  ...timestamps,
});

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id").notNull().references(() => services.id),
    agencyId: uuid("agency_id").references(() => agencies.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    role: text("role").$type<Role>().notNull(),
    jobTitle: text("job_title"),
    /** How the team reaches them, shown on each case's team page. */
    phone: text("phone"),
    /** In their own words: "Monday to Thursday, 9am to 5pm". */
    workingHours: text("working_hours"),
    passwordHash: text("password_hash"),
    /** Two-step sign-in: the base32 secret shared with their authenticator app. */
    totpSecret: text("totp_secret"),
    /** Set once they have proved the app works; until then the secret is only being set up. */
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last time step a code was accepted for, so no code is used twice. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    /** The easy-read view on or off: follows them to any device (ADR 0023). */
    easyRead: boolean("easy_read").notNull().default(false),
    /** Their communication needs (Accessible Information Standard), or null when none are recorded. */
    communicationNeeds: jsonb("communication_needs").$type<CommunicationNeeds>(),
    /** Who their escalations go to at the second level: their own manager, or their board's contact. */
    escalatesToId: uuid("escalates_to_id").references((): AnyPgColumn => people.id),
    ...timestamps,
  },
  (t) => [uniqueIndex("people_email_unique").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(), // sha256 of the cookie token; the token itself is never stored
    personId: uuid("person_id").notNull().references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/**
 * A "forgot your password?" link (docs/adr/0019). Only the SHA-256 of its token is kept; it
 * works once (usedAt), until expiresAt, and for this one account.
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("password_resets_token_unique").on(t.tokenHash), index("password_resets_person_idx").on(t.personId)],
);

/** One case per child or young person on the Dynamic Support Register. */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id").notNull().references(() => services.id),
    name: text("name").notNull(),
    dateOfBirth: date("date_of_birth"),
    ragRating: text("rag_rating").$type<RecordedRagRating>().notNull(),
    keyworkerId: uuid("keyworker_id").references(() => people.id),
    /** An optional second keyworker, allocated beside the first. */
    secondKeyworkerId: uuid("second_keyworker_id").references(() => people.id),
    /**
     * The child's own account: the one young-person account whose team role counts on this case
     * (ADR 0012). Linked by the child's own keyworker with the young person's agreement, in
     * their words; every change is on the audit trail.
     */
    youngPersonId: uuid("young_person_id").references(() => people.id),
    youngPersonAgreement: text("young_person_agreement"),
    youngPersonLinkedBy: uuid("young_person_linked_by").references(() => people.id),
    youngPersonLinkedAt: timestamp("young_person_linked_at", { withTimezone: true }),
    ...timestamps,
  },
  // One child per account: an account cannot be the young person of two cases.
  (t) => [index("cases_service_idx").on(t.serviceId), uniqueIndex("cases_young_person_unique").on(t.youngPersonId)],
);

export const caseMembers = pgTable(
  "case_members",
  {
    caseId: uuid("case_id").notNull().references(() => cases.id),
    personId: uuid("person_id").notNull().references(() => people.id),
    role: text("role").$type<Role>().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.caseId, t.personId] }), index("case_members_person_idx").on(t.personId)],
);

/** The document registry; the snapshot is Yjs state folded from older updates by compaction. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The case a document is about; null for a tracker meeting's minutes, which cover several. */
    caseId: uuid("case_id").references(() => cases.id),
    /** Set for minutes: the meeting they belong to (access then follows the meeting). */
    meetingId: uuid("meeting_id"),
    kind: text("kind").$type<DocumentKind>().notNull(),
    title: text("title").notNull(),
    visibility: text("visibility").$type<Visibility>().notNull(),
    snapshot: bytea("snapshot"),
    /** The last update sequence folded into the snapshot. */
    snapshotSeq: bigint("snapshot_seq", { mode: "number" }).notNull().default(0),
    createdBy: uuid("created_by").references(() => people.id),
    /**
     * Set for a part of a larger document that has its own access rules: the family's own
     * "What my family says", which parents edit, is a part of the care plan they comment on.
     */
    partOf: uuid("part_of").references((): AnyPgColumn => documents.id),
    ...timestamps,
  },
  (t) => [index("documents_case_idx").on(t.caseId), index("documents_part_of_idx").on(t.partOf)],
);

/**
 * Who changed which sections of a document, in words (ADR 0028): one row per stretch of one
 * person's editing (their changes with no long pause), the sections by heading, kept when the
 * update log is folded away. Written a few seconds behind the edits; bounded per row.
 */
export const documentEdits = pgTable(
  "document_edits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id").notNull().references(() => documents.id),
    authorId: uuid("author_id").notNull().references(() => people.id),
    sections: jsonb("sections").$type<EditedSection[]>().notNull(),
    /** Further sections touched past the ones named. */
    moreSections: integer("more_sections").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("document_edits_document_idx").on(t.documentId, t.lastAt)],
);

/** The durable update log: every accepted Yjs update, appended before or while it is broadcast. */
export const documentUpdates = pgTable(
  "document_updates",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    documentId: uuid("document_id").notNull().references(() => documents.id),
    update: bytea("update").notNull(),
    authorId: uuid("author_id").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("document_updates_doc_seq_idx").on(t.documentId, t.seq)],
);

/**
 * Actions, projected from the action items in every document (upsert by the node's id). A row
 * whose node was deleted keeps its history: `removed_at` is set, the row is never deleted.
 */
export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    documentId: uuid("document_id").notNull().references(() => documents.id),
    meetingId: uuid("meeting_id"),
    text: text("text").notNull(),
    ownerId: uuid("owner_id").references(() => people.id),
    ownerAgencyId: uuid("owner_agency_id").references(() => agencies.id),
    dueDate: date("due_date"),
    status: text("status").$type<ActionStatus>().notNull(),
    /** What is holding a blocked action up (from its node in the document); null unless blocked. */
    blockedReason: text("blocked_reason"),
    section: text("section"),
    position: bigint("position", { mode: "number" }).notNull().default(0),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    /** When the owner was told it is overdue; cleared when its due date moves. */
    overdueNotifiedAt: timestamp("overdue_notified_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("actions_owner_due_idx").on(t.ownerId, t.dueDate),
    index("actions_case_idx").on(t.caseId),
    index("actions_document_idx").on(t.documentId),
    index("actions_due_status_idx").on(t.dueDate, t.status),
    index("actions_owner_agency_due_idx").on(t.ownerAgencyId, t.dueDate),
    // The order lists page in (soonest due first, none last, then id): walked, not sorted.
    index("actions_due_key_idx").on(sql`coalesce(${t.dueDate}, 'infinity'::date)`, t.id).where(sql`${t.removedAt} is null`),
  ],
);

/**
 * The state vector of the document whose actions were last written to `actions`, per document.
 * With several server processes (ADR 0041) a projection from a copy of the document that has
 * not yet heard of an update already projected would write older actions over newer ones: it
 * waits instead, and projects once its copy has caught up.
 */
export const actionProjections = pgTable("action_projections", {
  documentId: uuid("document_id")
    .primaryKey()
    .references(() => documents.id),
  stateVector: bytea("state_vector").notNull(),
  ...timestamps,
});

/** Each change of an action's owner, due date or status (and its creation and removal): who and when. */
export const actionEvents = pgTable(
  "action_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id").notNull().references(() => actions.id),
    field: text("field").$type<ActionEventField>().notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    byId: uuid("by_id").references(() => people.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_events_action_idx").on(t.actionId, t.at)],
);

/** A meeting: its type, time, place, chair, lifecycle, and its minutes document. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serviceId: uuid("service_id").notNull().references(() => services.id),
    type: text("type").$type<MeetingType>().notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    location: text("location"),
    onlineLink: text("online_link"),
    status: text("status").$type<MeetingStatus>().notNull().default("scheduled"),
    visibility: text("visibility").$type<MeetingVisibility>().notNull(),
    chairId: uuid("chair_id").notNull().references(() => people.id),
    /** The one case a planning, review or professionals meeting is about; null for tracker meetings. */
    caseId: uuid("case_id").references(() => cases.id),
    minutesDocumentId: uuid("minutes_document_id").references(() => documents.id),
    /** For a CETR follow-up meeting: the CETR whose actions it reviews. */
    cetrId: uuid("cetr_id").references((): AnyPgColumn => cetrs.id),
    currentAgendaItem: bigint("current_agenda_item", { mode: "number" }),
    ...timestamps,
  },
  (t) => [index("meetings_case_idx").on(t.caseId, t.startsAt), index("meetings_service_idx").on(t.serviceId, t.startsAt)],
);

/** The cases a tracker meeting reviews, in the order it takes them (one row for one-child meetings too). */
export const meetingCases = pgTable(
  "meeting_cases",
  {
    meetingId: uuid("meeting_id").notNull().references(() => meetings.id),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    position: bigint("position", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.caseId] }), index("meeting_cases_case_idx").on(t.caseId)],
);

export const meetingInvitees = pgTable(
  "meeting_invitees",
  {
    meetingId: uuid("meeting_id").notNull().references(() => meetings.id),
    personId: uuid("person_id").notNull().references(() => people.id),
    attendance: text("attendance").$type<Attendance>().notNull().default("invited"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index("meeting_invitees_person_idx").on(t.personId)],
);

/**
 * An action carried into a later meeting's part about its child (ADR 0027): the action stays in
 * the document it was agreed in; this row says the meeting takes it up, and what it decided.
 */
export const carriedActions = pgTable(
  "carried_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id").notNull().references(() => actions.id),
    /** The document it is carried into: the child's minutes of the later meeting. */
    documentId: uuid("document_id").notNull().references(() => documents.id),
    meetingId: uuid("meeting_id").references(() => meetings.id),
    /** Set when carried into a CETR's document (carried from earlier CETRs of the same child). */
    cetrId: uuid("cetr_id").references((): AnyPgColumn => cetrs.id),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    carriedBy: uuid("carried_by").references(() => people.id),
    carriedAt: timestamp("carried_at", { withTimezone: true }).notNull().defaultNow(),
    decision: text("decision").$type<CarriedActionDecision>(),
    decidedBy: uuid("decided_by").references(() => people.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Where the action stood when the meeting decided: the record, as the minutes are. */
    decidedStatus: text("decided_status").$type<ActionStatus>(),
    decidedDueDate: date("decided_due_date"),
    decidedOwnerId: uuid("decided_owner_id").references(() => people.id),
    decidedBlockedReason: text("decided_blocked_reason"),
    /** Why a CETR closed it as no longer needed (a CETR closes a carried action only with a reason). */
    closedReason: text("closed_reason"),
  },
  (t) => [uniqueIndex("carried_actions_document_action_idx").on(t.documentId, t.actionId), index("carried_actions_meeting_idx").on(t.meetingId), index("carried_actions_action_idx").on(t.actionId)],
);

/** Written contributions and comments sent before a meeting ("parents adding comments before reviews"). */
export const meetingContributions = pgTable(
  "meeting_contributions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id").notNull().references(() => meetings.id),
    personId: uuid("person_id").notNull().references(() => people.id),
    caseId: uuid("case_id").references(() => cases.id),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_contributions_meeting_idx").on(t.meetingId, t.createdAt)],
);

/** Named versions: the exact state of a document frozen when minutes end or a plan is agreed. */
export const documentVersions = pgTable(
  "document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id").notNull().references(() => documents.id),
    name: text("name").notNull(),
    state: bytea("state").notNull(),
    createdBy: uuid("created_by").references(() => people.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * A part's state saved with its whole (a care plan's named version keeps the family's part
     * too): the whole's version row. Null for a document's own version (ADR 0022).
     */
    partOfVersion: uuid("part_of_version").references((): AnyPgColumn => documentVersions.id),
    /**
     * The actions carried into these minutes (ADR 0027) as they stood when the version was kept:
     * the record shows them so, whatever happens to the actions later. Null for a version kept
     * before this was (its record reads the carried actions as they stand).
     */
    carriedActions: jsonb("carried_actions").$type<CarriedActionRecord[]>(),
  },
  (t) => [
    index("document_versions_document_idx").on(t.documentId, t.createdAt),
    index("document_versions_part_of_idx").on(t.partOfVersion),
    // A person's saves in the last minute, for the per-person limit.
    index("document_versions_created_by_idx").on(t.createdBy, t.createdAt),
  ],
);
