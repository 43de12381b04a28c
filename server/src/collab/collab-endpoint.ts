/**
 * The collab websocket endpoint, `/collab/:documentId`: authenticates the upgrade with the
 * session cookie, checks the person may open the document (and whether they may edit), then
 * hands the socket to the document's room. An upgrade a browser sent from another website is
 * refused first of all, before its cookie is even read (cross-site websocket hijacking). Refusals are plain HTTP answers before the upgrade.
 * A frame that breaks the protocol, or a connection sending faster than its rate limit, closes
 * that one connection with a reason; nothing it sends after that is read.
 */
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { askForPersisted, closeCodes, ProtocolError, type CollabConnection, type Room } from "@roundtable/collab";
import type { Db } from "@roundtable/db";
import { atLeast, uuidSchema, type Role } from "@roundtable/domain";
import type { Logger } from "pino";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import type { CollabConfig } from "../config.js";
import { notSavingMessage } from "../database-failure.js";
import { HttpError } from "../errors.js";
import { cameFromAnotherSite, fromAnotherSiteMessage, type SiteConfig } from "../http/refuse-cross-site.js";
import { nodeRequest } from "../http/request-origin.js";
import { documentAccessFor, type DocumentRow } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { AccessChanges } from "../access/access-changes.js";
import { cookieFromHeader, personForSession, sessionCookieName, sessionIdOf, type Person } from "../auth/sessions.js";
import { PersonLimits } from "./person-limits.js";
import type { RoomRegistry } from "./room-registry.js";
import { TokenBucket } from "./token-bucket.js";

export const collabPathPrefix = "/collab/";

/**
 * Who opens and leaves which document, for the audit trail (wired in server.ts). `prepare` is
 * asked with the access check, so it is asked again with it when access changed meanwhile.
 */
export interface DocumentVisits {
  /** `caseRole`: the person's role on the document's case team, when the access check read it. */
  prepare(documentId: string, person: Person, document: Pick<DocumentRow, "caseId" | "meetingId">, caseRole?: Role | null): Promise<DocumentVisit>;
}

export interface DocumentVisit {
  opened(): void;
  closed(): void;
}

/** How long a client we are closing has to answer before its socket is dropped (ws waits 30 s). */
const closeGraceMs = 2000;

class SocketConnection implements CollabConnection {
  /** Set once we decide to close it: frames still arriving from it are not read. */
  closing = false;
  /** Set when it was closed because it stopped reading what we sent (see send). */
  fellBehind = false;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(
    private readonly socket: WebSocket,
    readonly person: Person,
    /** The session it was opened with (its stored id, not the token): signing out closes it. */
    readonly sessionId: string,
    readonly canEdit: boolean,
    readonly wantsPersistedAcks: boolean,
    private readonly limits: CollabConfig,
    /** The byte bucket all this person's connections share (see person-limits.ts). */
    private readonly personBytes: TokenBucket,
  ) {
    this.messages = new TokenBucket(limits.maxMessagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.maxBytesPerSecond, Math.max(limits.byteBurst, limits.maxMessageBytes));
  }
  get personId(): string {
    return this.person.id;
  }
  get displayName(): string {
    return this.person.name;
  }
  /**
   * Backpressure: a client that stops reading (or cannot keep up) is closed once more than the
   * limit waits to be sent to it, instead of the server holding everything meant for it. Checked
   * before sending, so one message of any size still goes to a client that is keeping up.
   */
  send(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.fellBehind = true;
      this.close(closeCodes.fellBehind, "The connection fell too far behind; reconnecting will catch up");
      return;
    }
    this.socket.send(message);
  }
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.socket.close(code, reason);
    setTimeout(() => this.socket.terminate(), closeGraceMs).unref();
  }
  /** Charge one incoming frame (or ping) against the rate limits: why it is over them, or null. */
  overRateLimit(size: number): string | null {
    if (!this.messages.take(1)) return `Too many messages: the limit is ${this.limits.maxMessagesPerSecond} a second`;
    if (!this.bytes.take(size)) return `Too much data: the limit is ${this.limits.maxBytesPerSecond} bytes a second`;
    if (!this.personBytes.take(size)) {
      return `Too much data from all your connections together: the limit is ${this.limits.maxBytesPerPersonPerSecond} bytes a second`;
    }
    return null;
  }
}

export class CollabEndpoint {
  private readonly wss: WebSocketServer;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();
  private readonly openConnections = new Set<SocketConnection>();
  private readonly people: PersonLimits;

  constructor(
    private readonly db: Db,
    private readonly registry: RoomRegistry,
    private readonly log: Logger,
    private readonly config: CollabConfig,
    /** Which origins are our own pages: upgrades from any other are refused. */
    private readonly site: SiteConfig,
    private readonly accessChanges: AccessChanges,
    /** The audit trail's record of who opened what (optional in narrow tests). */
    private readonly visits: DocumentVisits | null = null,
  ) {
    this.people = new PersonLimits(config);
    // ws's own limit is a backstop at twice ours, so a merely large frame gets our clear reason.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes * 2 });
    this.heartbeat = setInterval(() => {
      for (const socket of this.wss.clients) {
        if (!this.alive.has(socket)) socket.terminate();
        else {
          this.alive.delete(socket);
          socket.ping();
        }
      }
    }, 30_000);
    this.heartbeat.unref();
  }

  /** Node `upgrade` listener. Returns false when the path is not ours (e.g. socket.io). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!url.pathname.startsWith(collabPathPrefix)) return false;
    if (cameFromAnotherSite(nodeRequest(req), this.site)) {
      this.log.warn({ origin: req.headers.origin?.slice(0, 200) }, "refused a collab upgrade from another website");
      refuseUpgrade(socket, 403, fromAnotherSiteMessage);
      return true;
    }
    void this.admit(req, socket, head, url).catch((err: unknown) => {
      const notSaving = notSavingMessage(err);
      if (err instanceof TooManyConnections) this.refuseTooMany(req, socket, head);
      else if (err instanceof HttpError) refuseUpgrade(socket, err.status, err.message);
      else if (notSaving) refuseUpgrade(socket, 503, notSaving);
      else {
        this.log.error({ err }, "collab upgrade failed");
        refuseUpgrade(socket, 500, "The document could not be opened. Please try again.");
      }
    });
    return true;
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.wss.close();
  }

  /** The sessions open connections were opened with. */
  sessionIds(): string[] {
    return [...new Set([...this.openConnections].map((c) => c.sessionId))];
  }

  /** A session ended (signed out, or expired): close every document opened with it. */
  endSession(sessionId: string, reason: string): number {
    let closed = 0;
    for (const conn of this.openConnections) {
      if (conn.sessionId !== sessionId) continue;
      conn.close(closeCodes.sessionEnded, reason);
      closed++;
    }
    return closed;
  }

  private async admit(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const documentId = decodeURIComponent(url.pathname.slice(collabPathPrefix.length));
    if (!uuidSchema.safeParse(documentId).success) throw new HttpError(404, "That document was not found.");
    const token = cookieFromHeader(req.headers.cookie, sessionCookieName);
    const signedOut = () => new HttpError(401, "You are not signed in, or your session has ended.");
    if (!token) throw signedOut();
    // Who it is, what they may do, and the room, asked again if access changed meanwhile (see
    // AccessChanges); from the last answer to joining the room nothing waits.
    // Where an opening's time goes (milliseconds since the upgrade arrived), logged at debug level.
    const started = performance.now();
    const took: Record<string, number> = {};
    const lap = (name: string) => (took[name] = Math.round((performance.now() - started) * 10) / 10);
    const { person, access, visit, room } = await this.accessChanges.settled(
      async () => {
        const person = await personForSession(this.db, token);
        lap("session");
        if (!person) throw signedOut();
        // Before loading anything: a person at their cap must not make us load documents.
        if (!this.people.hasRoomFor(person.id)) throw new TooManyConnections();
        const { access, document, caseRole } = orRefuse(await documentAccessFor(this.db, person, documentId));
        lap("access");
        const visit = this.visits ? await this.visits.prepare(documentId, person, document, caseRole) : null;
        lap("visit");
        const room = await this.registry.acquire(documentId);
        lap("room");
        return { person, access, visit, room };
      },
      (stale) => this.registry.release(stale.room),
    );
    if (socket.destroyed) {
      this.registry.release(room);
      return;
    }
    // ws calls back synchronously here, so the connection joins before anything else runs and
    // holds the room once the borrow is given back; on a bad handshake it never calls back, and
    // the room is let go.
    try {
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        // Asked again: attempts that passed the early check together may still go over.
        const personBytes = this.people.connect(person.id);
        if (!personBytes) {
          this.closeTooMany(ws);
          return;
        }
        ws.on("close", () => this.people.disconnect(person.id));
        const conn = new SocketConnection(ws, person, sessionIdOf(token), atLeast(access, "edit"), url.searchParams.get(askForPersisted.name) === askForPersisted.value, this.config, personBytes);
        this.attach(ws, conn, room);
        if (visit) {
          visit.opened();
          ws.on("close", () => visit.closed());
        }
        lap("joined");
        this.log.debug({ documentId, msSinceUpgrade: took }, "opened a document");
      });
    } finally {
      this.registry.release(room);
    }
  }

  /**
   * Refuse a person at their connection cap after completing the upgrade without opening a room:
   * a browser cannot read why an upgrade was refused, but it can read a close code and reason.
   */
  private refuseTooMany(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.closeTooMany(ws));
  }

  private closeTooMany(ws: WebSocket): void {
    this.log.warn({ count: this.config.maxConnectionsPerPerson }, "closing collab connection: too many for one person");
    ws.close(closeCodes.tooManyConnections, this.people.tooManyConnectionsReason);
    setTimeout(() => ws.terminate(), closeGraceMs).unref();
  }

  private attach(ws: WebSocket, conn: SocketConnection, room: Room): void {
    this.alive.add(ws);
    ws.on("pong", () => this.alive.add(ws));
    ws.on("ping", (data: Buffer) => {
      if (!conn.closing) this.enforceRateLimit(conn, room, data.byteLength);
    });
    ws.on("message", (data: RawData, isBinary: boolean) => this.receive(conn, room, data, isBinary));
    this.openConnections.add(conn);
    ws.on("close", () => {
      if (conn.fellBehind) this.log.warn({ documentId: room.documentId, limit: this.config.maxBufferedBytes }, "closed collab connection: fell behind");
      this.openConnections.delete(conn);
      this.registry.leave(room, conn);
    });
    ws.on("error", (err) => this.log.warn({ err: err.message, documentId: room.documentId }, "collab socket error"));
    this.registry.join(room, conn);
  }

  private receive(conn: SocketConnection, room: Room, data: RawData, isBinary: boolean): void {
    if (conn.closing) return;
    const bytes = toUint8Array(data);
    if (bytes.byteLength > this.config.maxMessageBytes) {
      conn.close(closeCodes.tooLarge, `Message too large: the limit is ${this.config.maxMessageBytes} bytes`);
      return;
    }
    if (!this.enforceRateLimit(conn, room, bytes.byteLength)) return;
    if (!isBinary) {
      conn.close(closeCodes.unsupported, "Text frames are not part of the collaboration protocol");
      return;
    }
    try {
      room.receive(conn, bytes);
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.log.warn({ documentId: room.documentId, reason: err.message }, "closing collab connection: bad frame");
        conn.close(err.closeCode, err.message);
      } else {
        this.log.error({ err, documentId: room.documentId }, "collab message failed");
        conn.close(1011, "The server could not handle that message");
      }
    }
  }

  /** False (and the connection closing) when this frame takes it over its rate limit. */
  private enforceRateLimit(conn: SocketConnection, room: Room, size: number): boolean {
    const over = conn.overRateLimit(size);
    if (over === null) return true;
    this.log.warn({ documentId: room.documentId, reason: over }, "closing collab connection: rate limit");
    conn.close(closeCodes.rateLimited, over);
    return false;
  }
}

/** Thrown before anything is loaded when the person already has as many connections as they may. */
class TooManyConnections extends Error {}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const statusText: Record<number, string> = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error", 503: "Service Unavailable" };

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: message });
  socket.write(
    `HTTP/1.1 ${status} ${statusText[status] ?? "Error"}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.destroy();
}
