/**
 * The fan-out through Redis pub/sub (ADR 0039): one channel per document loaded on this
 * process, subscribed while it is loaded, and one channel for access changes. A message on a
 * document channel is one byte saying what it is (the byte is the format's version: a new
 * format is a new kind, and a kind a process does not know is ignored), the sending process's id
 * (a process hears its own publications and drops them), then by kind:
 * - `arrivedBy`: the update's number in the sender's log (a varUint), its author (a byte, 1 when
 *   the 16 bytes of their id follow, 0 for the server's own), then the update, as it arrives;
 * - `arrived`: the same without the author; no longer sent, still read (from the version before);
 * - `saved`: a number (a varUint): the sender has saved every update it numbered up to that (sent
 *   every `savedNoticeMs` while there is something new to say, not once a batch);
 * - `awareness`: a presence update;
 * - `whoIsHere`: nothing; a process that has just loaded the document asks, and the others answer
 *   with their clients' presence;
 * - `update`: a durable update; no longer sent, still applied (from a process of the version before).
 * A message larger than `maxMessageBytes`, or one that cannot be read, is dropped and logged.
 * socket.io's rooms and events go through `@socket.io/redis-adapter` on connections of their own.
 * Limits every process must count together (sign-in failures: ADR 0041) are kept in Redis keys by
 * rate-limiter-flexible's RateLimiterRedis, on the publishing connection.
 * Redis keeps nothing: a message missed while the connection was down is caught up from the
 * durable log once it is back (`DocumentListener.missed`).
 *
 * ioredis and the adapter are imported when this process is told to use Redis, so a server
 * without REDIS_URL never loads them.
 */
import { randomBytes } from "node:crypto";
import type { Redis as RedisClient } from "ioredis";
import type { Logger } from "pino";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { ServerOptions } from "socket.io";
import type { AuthorId } from "@roundtable/domain";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";
import type { AccessChange } from "../access/access-changes.js";
import type { LimitOptions } from "../limiter.js";
import type { DocumentChannel, DocumentListener, Fanout, WrittenUpdate } from "./fanout.js";

export interface RedisFanoutConfig {
  /** redis:// or rediss:// */
  url: string;
  /** Put before every channel and key name, so several deployments (or test runs) can share one Redis. */
  prefix: string;
  /** A document message larger than this is dropped (bytes): no update can be larger than a document may be. */
  maxMessageBytes: number;
}

const kinds = { update: 0, awareness: 1, whoIsHere: 2, arrived: 3, saved: 4, arrivedBy: 5 } as const;
const senderBytes = 16;
const headerBytes = 1 + senderBytes;
/** How long opening a document waits for its channel while Redis is away; it catches up once Redis is back. */
const subscribeWaitMs = 2000;
const connectWaitMs = 5000;
/**
 * The longest a command on the publishing connection waits for Redis. A command sent just as the
 * connection drops is otherwise held for resending until ioredis gives up reconnecting, about
 * 30 s later: a sign-in counted in Redis would hang that long. Timed out, the limit is counted in
 * this process's memory instead (the insurance limiter), and a publication is logged as failed.
 */
const commandWaitMs = 1000;
/**
 * How often saved notices go out. Far below the other processes' wait for them
 * (COLLAB_REMOTE_SAVE_WAIT_MS); one a batch was a message for every update or two, and with the
 * updates themselves twice the messages of publishing after the commit.
 */
const savedNoticeMs = 100;

const accessMessage = z.object({
  from: z.string(),
  change: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("case"), caseId: z.string() }),
    z.object({ kind: z.literal("editing-ended"), documentId: z.string(), reason: z.string() }),
    z.object({ kind: z.literal("session-ended"), sessionId: z.string(), reason: z.string() }),
  ]),
});

export class RedisFanout implements Fanout {
  readonly shared = true;
  private readonly sender = randomBytes(senderBytes);
  private readonly senderHex = this.sender.toString("hex");
  private readonly documents = new Map<string, DocumentListener>();
  private readonly accessListeners: ((change: AccessChange) => void)[] = [];
  private readonly accessChannel: string;
  private everReady = false;
  /** Per document, the highest number saved and not yet told (see `publishSaved`). */
  private readonly savedUpTo = new Map<string, number>();
  private savedTimer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly pub: RedisClient,
    private readonly sub: RedisClient,
    private readonly adapter: ServerOptions["adapter"],
    private readonly adapterClients: RedisClient[],
    private readonly prefix: string,
    private readonly maxMessageBytes: number,
    private readonly log: Logger,
  ) {
    this.accessChannel = `${prefix}access`;
    sub.on("messageBuffer", (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
    sub.on("ready", () => {
      if (this.everReady) void this.catchUp();
      this.everReady = true;
    });
    for (const client of [pub, sub, ...adapterClients]) {
      client.on("error", (err: Error) => log.warn({ err: err.message }, "redis connection failed; retrying"));
    }
  }

  /** Connect to Redis (failing with a clear message when it cannot be reached) and hear access changes. */
  static async connect(config: RedisFanoutConfig, log: Logger): Promise<RedisFanout> {
    const [{ Redis }, { createAdapter }] = await Promise.all([import("ioredis"), import("@socket.io/redis-adapter")]);
    // Named, so that an operator (or a test) can tell which process and which use a connection is.
    const clients = ["publish", "subscribe", "socket.io-publish", "socket.io-subscribe"].map(
      (use) =>
        new Redis(config.url, {
          lazyConnect: true,
          connectTimeout: connectWaitMs,
          connectionName: `${config.prefix}${process.pid}:${use}`,
          ...(use === "publish" ? { commandTimeout: commandWaitMs } : {}),
        }),
    );
    try {
      await Promise.all(clients.map((c) => c.connect()));
    } catch (err) {
      for (const c of clients) c.disconnect();
      throw new Error(`Could not reach Redis at REDIS_URL: ${err instanceof Error ? err.message : String(err)}`);
    }
    const [pub, sub, adapterPub, adapterSub] = clients as [RedisClient, RedisClient, RedisClient, RedisClient];
    const adapter = createAdapter(adapterPub, adapterSub, { key: `${config.prefix}socket.io` });
    const fanout = new RedisFanout(pub, sub, adapter, [adapterPub, adapterSub], config.prefix, config.maxMessageBytes, log);
    fanout.everReady = true;
    await sub.subscribe(fanout.accessChannel);
    return fanout;
  }

  async openDocument(documentId: string, listener: DocumentListener): Promise<DocumentChannel> {
    const channel = this.documentChannel(documentId);
    this.documents.set(channel, listener);
    // Redis away: open the document anyway; catchUp reads the log again once Redis is back.
    const subscribing = this.sub.subscribe(channel);
    const subscribed = await within(subscribeWaitMs, subscribing);
    if (!subscribed) {
      this.log.warn({ documentId }, "opened a document without hearing other processes; catching up once subscribed");
      // Redis may be slow rather than away (no reconnect, so no catch-up for everyone): what was
      // published before the subscription took is read from the log once it has.
      subscribing.then(
        () => {
          if (this.documents.get(channel) === listener) listener.missed();
        },
        () => {},
      );
    } else this.publish(channel, kinds.whoIsHere, new Uint8Array());
    return {
      publishUpdate: (seq, update, authorId) => this.publish(channel, kinds.arrivedBy, update, arrivedPrefix(seq, authorId)),
      publishAwareness: (update) => this.publish(channel, kinds.awareness, update),
      close: () => {
        if (this.documents.get(channel) !== listener) return;
        this.documents.delete(channel);
        this.sub.unsubscribe(channel).catch((err: unknown) => this.failed(err, "unsubscribe"));
      },
    };
  }

  saved(updates: readonly WrittenUpdate[]): void {
    for (const { documentId, seq } of updates) this.savedUpTo.set(documentId, Math.max(seq, this.savedUpTo.get(documentId) ?? 0));
    this.savedTimer ??= setTimeout(() => this.publishSaved(), savedNoticeMs);
  }

  publishAccessChange(change: AccessChange): void {
    this.pub.publish(this.accessChannel, JSON.stringify({ from: this.senderHex, change })).catch((err: unknown) => this.failed(err, "publish an access change"));
  }

  onAccessChange(listener: (change: AccessChange) => void): void {
    this.accessListeners.push(listener);
  }

  limiter(options: LimitOptions): RateLimiterAbstract {
    return new RateLimiterRedis({
      ...options,
      keyPrefix: `${this.prefix}limit:${options.keyPrefix}`,
      storeClient: this.pub,
      // Redis away: answer at once from this process's own counts (rather than wait for the reconnection).
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }

  socketIoAdapter(): ServerOptions["adapter"] {
    return this.adapter;
  }

  async close(): Promise<void> {
    this.publishSaved();
    this.documents.clear();
    await Promise.all([this.pub, this.sub, ...this.adapterClients].map((c) => c.quit().catch(() => c.disconnect())));
  }

  /** One notice per document for everything saved since the last: nobody waits on them, so they need not go one a batch. */
  private publishSaved(): void {
    if (this.savedTimer) clearTimeout(this.savedTimer);
    this.savedTimer = null;
    for (const [documentId, seq] of this.savedUpTo) this.publish(this.documentChannel(documentId), kinds.saved, noBytes, varUint(seq));
    this.savedUpTo.clear();
  }

  private documentChannel(documentId: string): string {
    return `${this.prefix}doc:${documentId}`;
  }

  /** Kind, sender, what comes before the bytes (the number, for `arrivedBy` and `saved`), then the bytes. */
  private publish(channel: string, kind: number, bytes: Uint8Array, prefix: Uint8Array = noBytes): void {
    const message = Buffer.allocUnsafe(headerBytes + prefix.byteLength + bytes.byteLength);
    message[0] = kind;
    this.sender.copy(message, 1);
    message.set(prefix, headerBytes);
    message.set(bytes, headerBytes + prefix.byteLength);
    this.pub.publish(channel, message).catch((err: unknown) => this.failed(err, "publish"));
  }

  private receive(channel: string, message: Buffer): void {
    if (channel === this.accessChannel) {
      this.receiveAccess(message);
      return;
    }
    const listener = this.documents.get(channel);
    if (!listener || message.byteLength < headerBytes) return;
    if (message.subarray(1, headerBytes).equals(this.sender)) return; // our own
    if (message.byteLength > this.maxMessageBytes) {
      this.log.warn({ channel, kind: message[0], bytes: message.byteLength }, "dropped a message from another process: too large");
      return;
    }
    const bytes = new Uint8Array(message.buffer, message.byteOffset + headerBytes, message.byteLength - headerBytes);
    try {
      switch (message[0]) {
        case kinds.arrived:
        case kinds.arrivedBy: {
          const decoder = decoding.createDecoder(bytes);
          const seq = readSeq(decoder);
          const authorId = message[0] === kinds.arrivedBy ? readAuthor(decoder) : null;
          listener.arrived(message.toString("hex", 1, headerBytes), seq, bytes.subarray(decoder.pos), authorId);
          return;
        }
        case kinds.saved: {
          const decoder = decoding.createDecoder(bytes);
          const upTo = readSeq(decoder);
          if (decoder.pos !== bytes.byteLength) throw new Error("trailing bytes after a saved notice");
          listener.saved(message.toString("hex", 1, headerBytes), upTo);
          return;
        }
        case kinds.awareness:
          listener.awareness(bytes);
          return;
        case kinds.whoIsHere: {
          const here = listener.presenceHere();
          if (here) this.publish(channel, kinds.awareness, here);
          return;
        }
        case kinds.update:
          listener.update(bytes);
          return;
        default:
          return; // a kind from a later version: not ours to read
      }
    } catch (err) {
      this.log.warn({ channel, kind: message[0], err: err instanceof Error ? err.message : String(err) }, "could not apply a message from another process");
    }
  }

  private receiveAccess(message: Buffer): void {
    let parsed: z.infer<typeof accessMessage>;
    try {
      parsed = accessMessage.parse(JSON.parse(message.toString("utf8")));
    } catch {
      this.log.warn("ignored a malformed access change from Redis");
      return;
    }
    if (parsed.from === this.senderHex) return;
    for (const listener of this.accessListeners) listener(parsed.change);
  }

  /** After a lost connection: messages may have been missed, so every loaded document reads the durable log again. */
  private async catchUp(): Promise<void> {
    try {
      await this.sub.ping(); // answered after the re-subscriptions sent before it: hearing again from here on
    } catch (err) {
      this.failed(err, "ping");
      return;
    }
    this.log.info({ documents: this.documents.size }, "redis is back; catching up open documents from the log");
    for (const listener of this.documents.values()) listener.missed();
  }

  private failed(err: unknown, what: string): void {
    this.log.warn({ what, err: err instanceof Error ? err.message : String(err) }, "redis command failed");
  }
}

const noBytes = new Uint8Array();

/** An update's number: a varUint that fits a safe integer, from a peer that may be broken. */
function readSeq(decoder: decoding.Decoder): number {
  const seq = decoding.readVarUint(decoder);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new Error("an update number out of range");
  return seq;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An `arrivedBy` message's number and author. */
function arrivedPrefix(seq: number, authorId: AuthorId): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, seq);
  // A plain pattern, not the schema's parse: this runs for every edit, and the id came from a session.
  const id = authorId && uuidPattern.test(authorId) ? Buffer.from(authorId.replaceAll("-", ""), "hex") : null;
  encoding.writeUint8(encoder, id ? 1 : 0);
  if (id) encoding.writeUint8Array(encoder, id);
  return encoding.toUint8Array(encoder);
}

/** An author's id (as the database writes a uuid), or null for the server's own. */
function readAuthor(decoder: decoding.Decoder): AuthorId {
  const flag = decoding.readUint8(decoder);
  if (flag === 0) return null;
  if (flag !== 1) throw new Error("an author flag out of range");
  // Checked here: lib0 would read past the message into whatever shares its buffer.
  if (decoder.arr.byteLength - decoder.pos < 16) throw new Error("an author's id cut short");
  const hex = Buffer.from(decoding.readUint8Array(decoder, 16)).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function varUint(n: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const, () => false as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
