/**
 * socket.io: who is on a case or a document right now. A socket joins a room named
 * `case:<id>` or `document:<id>` after the same access check the REST API makes; everyone in
 * the room is sent the list of people present whenever it changes. A handshake a browser sent
 * from another website is refused (403) before its session is looked up. Event names and
 * payloads are the wire contract in packages/domain (`wire/socket-events.ts`), which types
 * `Server` here and the browser's `Socket`.
 */
import type { Server as HttpServer } from "node:http";
import type { Db } from "@roundtable/db";
import {
  clientToServerPayloads,
  presenceColour,
  seesRiskRating,
  uuidSchema,
  type ActionsChanged,
  type ClientToServerEvents,
  type JoinReply,
  type LiveNotification,
  type PresentPerson,
  type ServerToClientEvents,
} from "@roundtable/domain";
import type { Logger } from "pino";
import { Server, type ServerOptions, type Socket } from "socket.io";
import { cameFromAnotherSite, fromAnotherSiteMessage, type SiteConfig } from "../http/refuse-cross-site.js";
import { nodeRequest } from "../http/request-origin.js";
import { mayOpen, mayOpenOnce, type RecordKind } from "../access/may-open.js";
import { icbAgenciesFollowingCetrDocument, leadsFor } from "../access/icb-oversight.js";
import { notSavingMessage, RateLimitedFailureLog } from "../database-failure.js";
import type { AccessChanges } from "../access/access-changes.js";
import { closeWhenFallingBehind } from "./presence-backpressure.js";
import type { PresenceLimitsConfig } from "../config.js";
import { PresenceLimits, tooManyPagesMessage, tooManyRoomChangesMessage } from "./presence-limits.js";
import { cookieFromHeader, personForSession, sessionCookieName, sessionIdOf, type Person } from "../auth/sessions.js";

interface SocketData {
  person: Person;
  /** The session it was opened with (its stored id): signing out disconnects it. */
  sessionId: string;
}

/**
 * Actions in a document changed (the action projector's news, wired in server.ts): what goes on
 * the wire, and who may be told.
 */
export interface ActionsChangedNews extends ActionsChanged {
  /** The document the actions live in: only people who may open it are told. */
  documentId: string;
  ownerIds: string[];
}

/** A notification stored for one person (the notifier's, wired in server.ts): what is pushed, and to whom. */
export interface PersonNotification extends LiveNotification {
  personId: string;
}

/**
 * No events of ours pass between server processes: with REDIS_URL, `@socket.io/redis-adapter`
 * carries rooms' messages and remote socket fetches as they are (ADR 0039).
 */
type InterServerEvents = Record<string, never>;
type PresenceServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type PresenceSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const noReply = (): void => {};

/** The room of an ICB's leads: joined on connecting, never asked for. */
const icbRoom = (icbAgencyId: string) => `icb:${icbAgencyId}`;

function overseerRoom(person: Person): string | null {
  return person.role === "icb-lead" && person.agencyId ? icbRoom(person.agencyId) : null;
}

const couldNotCheckMessage = "Could not check whether you may join that room just now. Please try again in a minute.";

export class Presence {
  readonly io: PresenceServer;

  constructor(
    httpServer: HttpServer,
    private readonly db: Db,
    log: Logger,
    private readonly accessChanges: AccessChanges,
    site: SiteConfig,
    limitsConfig: PresenceLimitsConfig,
    /** At most one log line per this interval about joins that could not be checked. */
    failureLogIntervalMs = 10_000,
    /** What carries rooms and events between server processes (the Redis adapter), or null for one process. */
    adapter: ServerOptions["adapter"] | null = null,
  ) {
    const limits = new PresenceLimits(limitsConfig);
    const joinFailures = new RateLimitedFailureLog(log, failureLogIntervalMs);
    const { maxBufferedBytes } = limitsConfig;
    this.io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(httpServer, {
      path: "/socket.io",
      serveClient: false,
      // Other upgrade paths (/collab) belong to the collab endpoint.
      destroyUpgrade: false,
      // Asked on every handshake (polling or websocket); later requests carry the handshake's
      // id. engine.io answers a refused polling handshake with 403, a websocket one with 400.
      allowRequest: (req, callback) => callback(fromAnotherSiteMessage, !cameFromAnotherSite(nodeRequest(req), site)),
      ...(adapter ? { adapter } : {}),
    });
    this.io.use((socket, next) => {
      const token = cookieFromHeader(socket.request.headers.cookie, sessionCookieName);
      // Asked again if a session ended meanwhile (see AccessChanges): a socket let in on a session
      // signed out while it was being checked would miss being disconnected.
      accessChanges
        .settled(() => personForSession(db, token))
        .then((person) => {
          if (!person || !token) return next(new Error("You are not signed in, or your session has ended."));
          // Asked here too, so the client hears why (connect_error); connecting counts for real.
          if (limits.atLimit(person.id)) return next(new Error(tooManyPagesMessage));
          socket.data.person = person;
          socket.data.sessionId = sessionIdOf(token);
          next();
        })
        .catch((err: unknown) => {
          log.error({ err }, "presence handshake failed");
          next(new Error("Could not check your session."));
        });
    });
    this.io.on("connection", (socket: PresenceSocket) => {
      const personId = socket.data.person.id;
      // Counted once connected, so handshakes racing each other cannot all get past the limit.
      if (!limits.connect(personId)) {
        socket.disconnect(true);
        return;
      }
      socket.on("disconnect", () => limits.disconnect(personId));
      const roomChanges = limits.roomChanges();
      closeWhenFallingBehind(socket.conn, maxBufferedBytes, (waitingBytes) =>
        log.warn({ personId: socket.data.person.id, waitingBytes, limit: maxBufferedBytes }, "closing presence socket: fell behind"),
      );
      // A room of one's own, for news meant for this person (an action they own changed).
      void socket.join(`person:${socket.data.person.id}`);
      // An ICB lead hears of changes to the CETR actions of every child their ICB oversees, on the team or not.
      const icb = overseerRoom(socket.data.person);
      if (icb) void socket.join(icb);
      // What a client sends is read as unknown: it is checked against the contract, not trusted to it.
      socket.on("presence:join", async (payload: unknown, ack?: unknown) => {
        const reply = typeof ack === "function" ? (ack as (answer: JoinReply) => void) : noReply;
        if (!roomChanges.take()) return reply({ ok: false, error: tooManyRoomChangesMessage });
        const parsed = clientToServerPayloads["presence:join"].safeParse(payload);
        if (!parsed.success) return reply({ ok: false, error: "That is not a room you can join." });
        const room = parsed.data.room;
        // Ask again if who may see what changed while asking (see AccessChanges); from the last
        // answer to joining nothing waits, so any later change's re-check finds this socket in the room.
        let allowed: boolean;
        try {
          allowed = await this.accessChanges.settled(() => this.mayJoin(socket.data.person, room));
        } catch (err) {
          // Could not check (the database): not a no, so nothing is said about the room.
          joinFailures.failed(err, { room }, "could not check whether a socket may join a presence room");
          return reply({ ok: false, error: notSavingMessage(err) ?? couldNotCheckMessage });
        }
        if (!allowed) return reply({ ok: false, error: "That was not found." });
        if (socket.disconnected) return; // gone while we asked: a room joined now would never be left
        void socket.join(room); // in-memory rooms: joined before this returns
        reply({ ok: true });
        await this.broadcast(room);
      });
      socket.on("presence:leave", async (payload: unknown) => {
        if (!roomChanges.take()) return; // the room is left when the socket closes anyway
        const parsed = clientToServerPayloads["presence:leave"].safeParse(payload);
        if (!parsed.success) return;
        await socket.leave(parsed.data.room);
        await this.broadcast(parsed.data.room);
      });
      socket.on("disconnecting", () => {
        // An ICB's room is for news only: its leads are not told who of them is connected.
        const rooms = [...socket.rooms].filter((r) => r !== socket.id && r !== overseerRoom(socket.data.person));
        // The socket leaves its rooms after this event; broadcast once it has.
        setImmediate(() => rooms.forEach((r) => void this.broadcast(r)));
      });
    });
  }

  /** Whether this person may be in a room: the same check as opening what it is about. Throws when it cannot be checked. */
  private async mayJoin(person: Person, room: string): Promise<boolean> {
    const [kind, id] = room.split(":") as [RecordKind, string];
    if (!uuidSchema.safeParse(id).success) return false;
    return mayOpen(this.db, person, kind, id);
  }

  /**
   * The sessions this process's presence sockets were opened with. Here and in endSession and
   * evict, each process acts on its own sockets: access changes reach every process (ADR 0039).
   */
  async sessionIds(): Promise<string[]> {
    return [...new Set((await this.io.local.fetchSockets()).map((s) => s.data.sessionId))];
  }

  /** A session ended (signed out, or expired): disconnect every presence socket of this process opened with it. */
  async endSession(sessionId: string): Promise<void> {
    for (const socket of await this.io.local.fetchSockets()) {
      if (socket.data.sessionId === sessionId) socket.disconnect(true);
    }
  }

  /** The people in a room right now, one entry per person however many tabs they have open. */
  async peopleIn(room: string): Promise<PresentPerson[]> {
    const sockets = await this.io.in(room).fetchSockets();
    const people = new Map<string, PresentPerson>();
    for (const s of sockets) {
      const person = s.data.person;
      people.set(person.id, { personId: person.id, name: person.name, role: person.role, colour: presenceColour(person.id) });
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Tell everyone looking at the case, and each owner wherever they are, that actions changed —
   * but only those who may open the document the actions live in, or, for a CETR's actions, who
   * oversee the child (an ICB lead's dashboard). A family member on the case page must not learn
   * that a professionals meeting's actions moved, let alone their ids.
   */
  async actionsChanged(change: ActionsChangedNews): Promise<void> {
    // Actions of a CETR: also the leads of each ICB overseeing the child (icb-oversight.ts).
    const overseeing = await icbAgenciesFollowingCetrDocument(this.db, change.documentId);
    const rooms = [`case:${change.caseId}`, ...change.ownerIds.map((id) => `person:${id}`), ...[...overseeing].map(icbRoom)];
    const mayOpenDocument = mayOpenOnce(this.db);
    const message: ActionsChanged = { caseId: change.caseId, actionIds: change.actionIds };
    const sockets = await this.io.in(rooms).fetchSockets();
    // Every answer first, then the news: nobody hears of it later than someone asked after them.
    // A check that cannot be made (the database) tells nobody; the caller logs it.
    const told = await Promise.all(
      sockets.map((socket) => leadsFor(socket.data.person, overseeing) || mayOpenDocument(socket.data.person, "document", change.documentId)),
    );
    sockets.forEach((socket, i) => {
      if (told[i]) socket.emit("actions:changed", message);
    });
  }

  /**
   * Everyone looking at the case who sees its rating re-reads it: the family, who are never sent
   * the rating, are not told it changed either (ADR 0025).
   */
  async caseChanged(caseId: string): Promise<void> {
    for (const socket of await this.io.in(`case:${caseId}`).fetchSockets()) {
      if (seesRiskRating(socket.data.person.role)) socket.emit("case:changed", { caseId });
    }
  }

  /** Everyone in the meeting room re-reads the meeting (status, attendance, current agenda item). */
  meetingChanged(meetingId: string): void {
    this.io.to(`meeting:${meetingId}`).emit("meeting:changed", { meetingId });
  }

  /**
   * Take people out of rooms they may no longer be in (a member removed, consent withdrawn):
   * their sockets leave, are told why, and everyone left sees the new list of who is here.
   * Everyone in a room is asked about first: a question that cannot be answered (the
   * database) throws before anyone has left it.
   */
  async evict(rooms: readonly string[], mayStay: (person: Person, room: string) => Promise<boolean>): Promise<void> {
    for (const room of rooms) {
      const sockets = await this.io.local.in(room).fetchSockets();
      const staying: boolean[] = [];
      for (const socket of sockets) staying.push(await mayStay(socket.data.person, room));
      const leaving = sockets.filter((_, i) => !staying[i]);
      for (const socket of leaving) {
        socket.leave(room);
        socket.emit("access:revoked", { room });
      }
      if (leaving.length > 0) await this.broadcast(room);
    }
  }

  /** Everyone with the document open re-reads its comments. */
  commentsChanged(documentId: string): void {
    this.io.to(`document:${documentId}`).emit("comments:changed", { documentId });
  }

  /** Everyone with the network map open shows its picture again (added, changed or taken away). */
  mapPictureChanged(documentId: string): void {
    this.io.to(`document:${documentId}`).emit("map-picture:changed", { documentId });
  }

  /** A new notification for one person, wherever they have Roundtable open. */
  notify(n: PersonNotification): void {
    const { personId, ...notification } = n;
    this.io.to(`person:${personId}`).emit("notification", notification);
  }

  close(): Promise<void> {
    return new Promise((resolve) => void this.io.close(() => resolve()));
  }

  private async broadcast(room: string): Promise<void> {
    this.io.to(room).emit("presence", { room, people: await this.peopleIn(room) });
  }
}
