/**
 * The young person's picture on a network map: added, changed or taken away by whoever may edit
 * the map, seen by whoever may open it, drawn in the map's downloads. At most one a map, kept in
 * its own table beside the document (ADR 0035, later notes). Who may do what is the document's
 * own answer (documentAccessFor); what a file is comes from its bytes (readPictureFile). Adding,
 * changing and removing are on the audit trail as edits of the map.
 */
import { createHash } from "node:crypto";
import { schema, type Db } from "@roundtable/db";
import { mayChangeMapPicture, readPictureFile, type MapPictureInfo, type MapPictureType, type PictureFileRefusal } from "@roundtable/domain";
import { eq, sql } from "drizzle-orm";
import { documentAccessFor, type DocumentAccess } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import { recordAudits } from "../audit/audit-log.js";
import { documentAuditContext } from "../audit/document-context.js";
import type { Person } from "../auth/sessions.js";
import { forbidden, HttpError } from "../errors.js";

const pictures = schema.mapPictures;

/**
 * The picture crosses to the database and back as base64 text, turned into bytes by the database
 * itself: embedded PGlite takes a 2 MB byte parameter in over 2 seconds, during which its one
 * connection serves no one else, and the same as text in a quarter of that (reading back, a
 * fifth). Postgres minds neither way.
 */
const pictureFromBase64 = (bytes: Uint8Array) => sql`decode(${Buffer.from(bytes).toString("base64")}, 'base64')`;
const pictureAsBase64 = sql<string>`encode(${pictures.picture}, 'base64')`;

export const noPictureMessage = "There is no picture of the young person on this map.";

export interface MapPicture {
  contentType: MapPictureType;
  bytes: Uint8Array;
  etag: string;
}

/** A network map this person may open (refused as opening it would be), and what they may do with it. */
async function openedMap(db: Db, person: Person, documentId: string): Promise<DocumentAccess> {
  const opened = orRefuse(await documentAccessFor(db, person, documentId));
  if (opened.document.kind !== "network-map") throw new HttpError(400, "This document is not a network map, so it has no picture of the young person.");
  return opened;
}

async function editedMap(db: Db, person: Person, documentId: string): Promise<DocumentAccess> {
  const opened = await openedMap(db, person, documentId);
  if (!mayChangeMapPicture(person.role, opened.access)) throw forbidden("Only the family and the people who can change this map can add, change or remove the young person's picture.");
  return opened;
}

const refusalStatus = { empty: 400, "too-large": 413, "too-many-pixels": 413, "wrong-type": 415 } as const satisfies Record<PictureFileRefusal, number>;

const etagOf = (digest: string) => `"${digest}"`;

/**
 * The picture, for someone who may open the map; or only that it has not changed, when the
 * browser's copy (`ifNoneMatch`, its ETag) is this one, without reading the picture.
 */
export async function readMapPicture(
  db: Db,
  person: Person,
  documentId: string,
  ifNoneMatch?: string,
): Promise<({ notModified: false } & MapPicture) | { notModified: true; etag: string }> {
  await openedMap(db, person, documentId);
  const [row] = await db.select({ digest: pictures.digest }).from(pictures).where(eq(pictures.documentId, documentId));
  if (!row) throw new HttpError(404, noPictureMessage);
  const etag = etagOf(row.digest);
  if (ifNoneMatch?.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === etag)) return { notModified: true, etag };
  const picture = await storedMapPicture(db, documentId);
  if (!picture) throw new HttpError(404, noPictureMessage); // taken away in between
  return { notModified: false, ...picture };
}

/** The picture for a map whose reader has already been let in (its downloads), or null. */
export async function storedMapPicture(db: Db, documentId: string): Promise<MapPicture | null> {
  const [row] = await db
    .select({ contentType: pictures.contentType, base64: pictureAsBase64, digest: pictures.digest })
    .from(pictures)
    .where(eq(pictures.documentId, documentId));
  return row ? { contentType: row.contentType, bytes: new Uint8Array(Buffer.from(row.base64, "base64")), etag: etagOf(row.digest) } : null;
}

/**
 * Adds the picture, or changes it for this one. Refused, with what to do, when the file is not a
 * PNG, JPEG or WebP by its own bytes, or is too large in bytes or pixels; nothing is changed then.
 */
export async function putMapPicture(
  db: Db,
  person: Person,
  documentId: string,
  /** The file, read only once the person is known to be allowed to send it. */
  readFile: () => Promise<Uint8Array>,
): Promise<{ info: MapPictureInfo; replaced: boolean }> {
  const { document } = await editedMap(db, person, documentId);
  const bytes = await readFile();
  const file = readPictureFile(bytes);
  if (!file.ok) throw new HttpError(refusalStatus[file.reason], file.message);
  const digest = createHash("sha256").update(bytes).digest("hex");
  const context = await documentAuditContext(db, person, document);
  const row = { contentType: file.type, picture: pictureFromBase64(bytes), width: file.width, height: file.height, digest, addedBy: person.id, addedAt: new Date() };
  const replaced = await db.transaction(async (tx) => {
    const [before] = await tx.select({ digest: pictures.digest }).from(pictures).where(eq(pictures.documentId, documentId)).for("update");
    await tx
      .insert(pictures)
      .values({ documentId, ...row })
      .onConflictDoUpdate({ target: pictures.documentId, set: row });
    const change = before ? "changed" : "added";
    await recordAudits(
      tx,
      context.caseIds.map((caseId) => ({ actor: person, role: context.role, action: "edited" as const, caseId, documentId, meetingId: document.meetingId, detail: { picture: change } })),
    );
    return before !== undefined;
  });
  return {
    info: { contentType: file.type, bytes: bytes.byteLength, width: file.width, height: file.height, etag: etagOf(digest), addedAt: row.addedAt.toISOString() },
    replaced,
  };
}

/** Takes the picture away for good (the trail keeps that it was there, not the picture). */
export async function removeMapPicture(db: Db, person: Person, documentId: string): Promise<void> {
  const { document } = await editedMap(db, person, documentId);
  const context = await documentAuditContext(db, person, document);
  await db.transaction(async (tx) => {
    const removed = await tx.delete(pictures).where(eq(pictures.documentId, documentId)).returning({ documentId: pictures.documentId });
    if (removed.length === 0) throw new HttpError(404, noPictureMessage);
    await recordAudits(
      tx,
      context.caseIds.map((caseId) => ({ actor: person, role: context.role, action: "edited" as const, caseId, documentId, meetingId: document.meetingId, detail: { picture: "removed" } })),
    );
  });
}
