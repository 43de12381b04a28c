/**
 * Starts one Roundtable server: database (PGlite or Postgres), migrations, demo data on first
 * run, then the HTTP API, the collab websocket and socket.io on one port.
 */
import type { AddressInfo } from "node:net";
import type { Server as HttpServer } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { applyStoredUpdates, closeCodes } from "@roundtable/collab";
import { openDatabase, schema, type Database, type DatabaseState } from "@roundtable/db";
import { serverAuthor } from "@roundtable/domain";
import * as Y from "yjs";
import type { Logger } from "pino";
import { ActionProjector } from "./actions/action-projector.js";
import { createApp } from "./app.js";
import { CollabEndpoint } from "./collab/collab-endpoint.js";
import { PostgresDocumentStorage } from "./collab/postgres-document-storage.js";
import { EditHistoryRecorder } from "./documents/edit-history.js";
import { DocumentSessions } from "./audit/document-sessions.js";
import { auditedVisits } from "./audit/document-context.js";
import { RoomRegistry } from "./collab/room-registry.js";
import { describeDatabaseFailure } from "./database-failure.js";
import type { Config } from "./config.js";
import { createLogger } from "./logger.js";
import { seedDemoDataIfEmpty } from "./demo-data/seed.js";
import { dateDemoCetrActions } from "./demo-data/cetrs.js";
import { startSessionExpiryJob } from "./auth/session-expiry.js";
import { AccessChanges } from "./access/access-changes.js";
import { enforceCaseAccess } from "./access/access-enforcement.js";
import { AccessEnforcer } from "./access/access-enforcer.js";
import { addMissingPlanParts, ownWordsPartKinds } from "./documents/documents.js";
import { startDailyDigestJob } from "./notifications/daily-digest.js";
import { startDatabaseMaintenance } from "./jobs/database-maintenance.js";
import { startCetrActionFiguresJob } from "./cetr-actions/cetr-action-figures.js";
import { startOverdueActionsJob } from "./actions/overdue-actions-job.js";
import { startBirthdayAccessJob } from "./consent/birthday-access-job.js";
import { startCetrReportJob } from "./cetrs/cetr-news.js";
import { createMailer } from "./notifications/mailer.js";
import { Notifier } from "./notifications/notifier.js";
import { carePlanMapPages } from "./network-map/care-plan-maps.js";
import { MapDrawings } from "./network-map/map-drawings.js";
import { Presence } from "./realtime/presence.js";
import { LocalFanout, type Fanout } from "./fanout/fanout.js";
import type { LimitOptions } from "./limiter.js";

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  registry: RoomRegistry;
  presence: Presence;
  projector: ActionProjector;
  notifier: Notifier;
  /** Re-checks open connections when who may see what changes (and again, while the database cannot answer). */
  access: AccessEnforcer;
  log: Logger;
  /** Who changed which sections: tests write what it has noted with `flush()`. */
  editHistory: EditHistoryRecorder;
  /** Map pictures and care plan PDFs with maps being drawn, and waiting to be. */
  mapDrawings: MapDrawings;
  /** What carries updates, presence and access changes to the other server processes (ADR 0039). */
  fanout: Fanout;
  /**
   * Resolves when the periodic jobs' runs at start (overdue actions, CETR reminders, …) have
   * finished: a test that counts notifications waits for it, so a job's first run cannot land
   * in the middle of what it counts.
   */
  startRuns: Promise<void>;
  close(): Promise<void>;
}

export async function startServer(config: Config): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const started = Date.now();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    connectTimeoutSeconds: config.durability.databaseConnectTimeoutSeconds,
    reconnectMaxMs: config.durability.databaseReconnectMaxMs,
    pglite: config.pglite,
  });
  const { db } = database;
  const logDatabaseState = ({ status, reason, freeBytes }: DatabaseState) => {
    if (status === "ok") log.info({ status, freeBytes }, "the database is answering and saving again");
    else log.error({ status, reason, freeBytes }, "the database is not saving");
  };
  database.onStateChange(logDatabaseState);
  if (database.state().status !== "ok") logDatabaseState(database.state()); // e.g. started on a nearly full disk
  const seeded = config.seedDemoData && (await seedDemoDataIfEmpty(db));
  for (const kind of ownWordsPartKinds) {
    const added = await addMissingPlanParts(db, kind);
    if (added > 0) log.info({ count: added, kind }, "Gave older care plans a part in someone's own words");
  }
  if (seeded) log.info("seeded demo data");

  // Fold any long update log left by a previous run (e.g. after a crash) before serving. A
  // document that cannot be folded (corrupt, or too big) is logged and left as it is: every
  // other document is still served, and its log still holds everything.
  const storage = new PostgresDocumentStorage(db);
  // Redis only when asked for, and its libraries loaded only then (ADR 0039).
  const fanout: Fanout = config.redis
    ? await (await import("./fanout/redis-fanout.js")).RedisFanout.connect({ ...config.redis, maxMessageBytes: config.collab.maxDocumentBytes + 64 }, log)
    : new LocalFanout();
  for (const documentId of await storage.needingCompaction(config.collab.compactAfterUpdates)) {
    await storage.compact(documentId).catch((err: unknown) => {
      log.error({ documentId, ...describeDatabaseFailure(err) }, "could not fold a document at start-up; serving the others");
    });
  }

  let presence: Presence | null = null;
  const mailer = createMailer(config.mail.smtpUrl, config.mail.from, log);
  const notifier = new Notifier(db, mailer, config.publicUrl, (n) => presence?.notify(n));
  const projector = new ActionProjector(
    db,
    log,
    (change) => {
      presence?.actionsChanged(change).catch((err: unknown) => log.error({ err }, "could not tell people that actions changed"));
    },
    undefined,
    undefined,
    // Another process's update reaches this one within milliseconds; two seconds, and its sender has gone (ADR 0041).
    { several: fanout.shared, catchUpWaitMs: 2000 },
  );
  const documentSessions = new DocumentSessions(db, log);
  const editHistory = new EditHistoryRecorder(db, log);
  const registry = new RoomRegistry(storage, log, config.collab, {
    updateLog: config.durability.updateLog,
    fanout,
    onDocumentChanged: (documentId, room, authorId, update) => {
      projector.schedule(documentId, room, authorId);
      if (authorId !== serverAuthor) documentSessions.changed(documentId, authorId);
      if (update) editHistory.noted(documentId, room.doc, authorId, update);
    },
  });
  if (seeded) {
    // Track the actions written into the demo plans, as if someone had just typed them.
    for (const { id } of await db.select({ id: schema.documents.id }).from(schema.documents)) {
      const doc = new Y.Doc();
      applyStoredUpdates(doc, (await storage.load(id)).updates);
      await projector.projectNow(id, doc, null);
      doc.destroy();
    }
    await dateDemoCetrActions(db);
  }
  // Map pictures and care plan PDFs with maps, drawn on worker threads within a bound (ADR 0037).
  const limiter = (options: LimitOptions) => fanout.limiter(options);
  const mapDrawings = new MapDrawings(config.mapDrawing, log, limiter);
  const accessChanges = new AccessChanges();
  // A session ended: close what this process opened with it.
  const endSession = async (sessionId: string, reason: string) => {
    accessChanges.changed(); // a connection being let in on that session asks again, and is refused
    collab.endSession(sessionId, reason);
    await presence?.endSession(sessionId);
  };
  const collab = new CollabEndpoint(db, registry, log, config.collab, config, accessChanges, auditedVisits(db, documentSessions));
  const access = new AccessEnforcer(
    {
      recheck: (caseId) => enforceCaseAccess({ db, registry, presence: () => presence ?? null, log }, caseId),
      registry,
      accessChanges,
      log,
      tellOtherProcesses: (change) => fanout.publishAccessChange(change),
    },
    { firstMs: 100, maxMs: config.durability.accessRecheckRetryMaxMs, failureLogIntervalMs: config.durability.updateLog.failureLogIntervalMs },
  );
  const app = createApp({
    db,
    databaseKind: database.kind,
    databaseState: () => database.state(),
    config,
    log,
    registry,
    saveBacklog: () => registry.updateLog.backlog(),
    projector,
    onMeetingChanged: (meetingId) => presence?.meetingChanged(meetingId),
    onCommentsChanged: (documentId) => presence?.commentsChanged(documentId),
    onMapPictureChanged: (documentId) => presence?.mapPictureChanged(documentId),
    onCaseChanged: (caseId) => {
      presence?.caseChanged(caseId).catch((err: unknown) => log.error({ err }, "could not tell people that a case changed"));
    },
    access,
    onSignedOut: async (sessionId) => {
      const reason = "You have signed out";
      fanout.publishAccessChange({ kind: "session-ended", sessionId, reason });
      await endSession(sessionId, reason);
    },
    notifier,
    documentSessions,
    carePlanMaps: carePlanMapPages({ db, registry, mapDrawings }),
    mapDrawings,
    limiter,
  });
  const httpServer = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  presence = new Presence(httpServer, db, log, accessChanges, config, config.presence, config.durability.updateLog.failureLogIntervalMs, fanout.socketIoAdapter());
  // Access changes made on another process: act on this one's connections as it did on its own.
  fanout.onAccessChange((change) => {
    const done = change.kind === "session-ended" ? endSession(change.sessionId, change.reason) : access.changedElsewhere(change);
    done.catch((err: unknown) => log.error({ err, kind: change.kind }, "could not act on an access change from another process"));
  });
  const jobs = [
    // Work on the database runs on one process at a time; work on this process's connections on each (ADR 0041).
    startDatabaseMaintenance(db, database.kind, database.runAlone, log),
    startCetrActionFiguresJob(db, database.runAlone, log),
    startOverdueActionsJob(db, database.runAlone, log, config.overdueCheckMs, (n) => notifier.deliver(n)),
    startSessionExpiryJob(db, log, config.sessionCheckMs, [collab, presence]),
    startBirthdayAccessJob(db, log, config.sessionCheckMs, { caseAccessChanged: (caseId) => access.changedElsewhere({ kind: "case", caseId }) }),
    startCetrReportJob(db, database.runAlone, notifier, log, config.overdueCheckMs),
    mailer && config.mail.digestHour !== null ? startDailyDigestJob(db, database.runAlone, mailer, config.publicUrl, config.mail.digestHour, log) : null,
  ];
  httpServer.on("upgrade", (req, socket, head) => {
    if (collab.handleUpgrade(req, socket, head)) return;
    if (req.url?.startsWith("/socket.io")) return; // socket.io's own listener takes it
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n");
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  log.info({ port, db: database.kind, ms: Date.now() - started }, "Roundtable is listening");

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      collab.close();
      access.close();
      // Every wait is bounded, so shutdown ends even while the database is away. People are
      // told first, truthfully, whether their changes were saved.
      const { shutdownSaveWaitMs, shutdownStepWaitMs } = config.durability;
      const step = (what: string, work: Promise<unknown> | undefined) => within(shutdownStepWaitMs, work, what, log);
      // No job starts again; one under way finishes before the database closes.
      const jobsStopped = Promise.all(jobs.map((job) => job?.stop()));
      const saved = await registry.closeAll(closeCodes.serverShutdown, shutdownSaveWaitMs);
      await step("action projection", projector.settle());
      // If the people's edits could not be saved, the server's own will not be either: do not wait again.
      await step("saving the server's own changes", registry.destroyAll(saved ? shutdownStepWaitMs : 0));
      await step("the audit trail", documentSessions.closeAll());
      await step("the version history", editHistory.close());
      await step("the periodic jobs", jobsStopped);
      await step("the map drawing workers", mapDrawings.close());
      await step("presence", presence?.close()); // also closes the HTTP server
      await step("the connection to the other processes", fanout.close());
      httpServer.closeAllConnections();
      mailer?.close();
      await step("closing the database", database.close());
    })();
    return closing;
  };
  const startRuns = Promise.all(jobs.map((job) => job?.startRun)).then(() => {});
  return { url, port, database, registry, presence, projector, notifier, access, log, editHistory, mapDrawings, fanout, startRuns, close };
}

/** Wait for `work`, but no longer than `ms`; a step that fails or overruns is logged, never thrown. */
async function within(ms: number, work: Promise<unknown> | undefined, what: string, log: Logger): Promise<void> {
  if (!work) return;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    work.then(
      () => "done" as const,
      (err: unknown) => {
        log.warn({ step: what, ...describeDatabaseFailure(err) }, "shutdown step failed");
        return "failed" as const;
      },
    ),
    new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), ms))),
  ]);
  clearTimeout(timer);
  if (outcome === "timed out") log.warn({ step: what, ms }, "shutdown step took too long; going on without it");
}
