/** What every route handler can reach: the database and the signed-in person. */
import type { Db, DatabaseKind, DatabaseState } from "@roundtable/db";
import type { Logger } from "pino";
import type { ActionProjector } from "../actions/action-projector.js";
import type { DocumentSessions } from "../audit/document-sessions.js";
import type { RoomRegistry } from "../collab/room-registry.js";
import type { Config } from "../config.js";
import type { Notifier } from "../notifications/notifier.js";
import type { AccessChanges } from "../services/access-changes.js";
import type { Person } from "../services/sessions.js";

export interface AppDeps {
  db: Db;
  databaseKind: DatabaseKind;
  /** Whether the database is answering and saving, without asking it (see Database.state). */
  databaseState(): DatabaseState;
  config: Config;
  log: Logger;
  registry: RoomRegistry;
  projector: ActionProjector;
  /** Tell people watching a meeting that it changed (status, attendance, agenda item, contributions). */
  onMeetingChanged(meetingId: string): void;
  /** Tell people who have a document open that its comments changed. */
  onCommentsChanged(documentId: string): void;
  /** Who may see a case changed: re-check open connections to its records now. */
  onCaseAccessChanged(caseId: string): Promise<void>;
  /** A session ended (signed out): close the websockets opened with it. */
  onSignedOut(sessionId: string): Promise<void>;
  /** Counts changes to who may do what, for connections being let in meanwhile (ADR 0010). */
  accessChanges: AccessChanges;
  notifier: Notifier;
  /** The audit trail's "opened" entries, one a visit, for reads over the API as for live opens. */
  documentSessions: DocumentSessions;
}

export interface AppEnv {
  Variables: { person: Person };
}
