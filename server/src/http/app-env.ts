/**
 * What every route handler can reach: the database, configuration, the rooms, and callbacks
 * into the live connections; and the signed-in person. What a feature needs from another
 * feature (the notifier, the projector, the audit trail) it asks for by name beside these.
 */
import type { Db, DatabaseKind, DatabaseState } from "@roundtable/db";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Backlog } from "../durability-config.js";
import type { AccessAnnouncer } from "../access/access-announcer.js";
import type { Person } from "../auth/sessions.js";
import type { Limiter } from "../limiter.js";

export interface AppDeps {
  db: Db;
  databaseKind: DatabaseKind;
  /** Whether the database is answering and saving, without asking it (see Database.state). */
  databaseState(): DatabaseState;
  config: Config;
  log: Logger;
  /** Edits waiting to be written to the database, for the health check. */
  saveBacklog(): Backlog;
  /** Tell people watching a meeting that it changed (status, attendance, agenda item, contributions). */
  onMeetingChanged(meetingId: string): void;
  /** Tell the professionals looking at a case that something they see of it changed (its RAG rating). */
  onCaseChanged(caseId: string): void;
  /** Tell people who have a document open that its comments changed. */
  onCommentsChanged(documentId: string): void;
  /** Tell people who have a network map open that the young person's picture on it changed. */
  onMapPictureChanged(documentId: string): void;
  /** Told by the use-cases that change who may see or do what, so open connections follow (ADR 0010). */
  access: AccessAnnouncer;
  /** A session ended (signed out): close the websockets opened with it. */
  onSignedOut(sessionId: string): Promise<void>;
  /** Counts for a limit: this process's own, or shared by every server process when there are several (ADR 0041). */
  limiter: Limiter;
}

export interface AppEnv {
  Variables: { person: Person };
}
