/**
 * A document as a record (ADR 0022): its text with the parts the reader may open, as it stands
 * now or as a named version kept it, and named versions saved and listed (the PDF of either is
 * document-pdf.ts).
 * A part the reader may not open is left out without a word: its title is not theirs to know.
 */
import { richTextToJson } from "@roundtable/collab";
import { schema, type Db } from "@roundtable/db";
import { agreedMinutesName, atLeast, isUuid, withCarriedActionRecords, type CarriedActionRecord, type DocNode, type DocumentVersionSummary, type NewVersionBody, type VersionPart, type VersionText } from "@roundtable/domain";
import { and, count, desc, eq, gt, isNull, ne } from "drizzle-orm";
import * as Y from "yjs";
import { documentAccessFor, type DocumentAccess } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";
import type { RoomRegistry } from "../collab/room-registry.js";
import type { Config } from "../config.js";
import { forbidden, HttpError, notFound } from "../errors.js";
import { carriedActionRecords } from "../actions/carried-actions.js";

export interface DocumentRecordDeps {
  db: Db;
  registry: RoomRegistry;
  config: Pick<Config, "versionSavesPerMinute">;
}

/** Named versions one document may keep: past this, saving another is refused. */
export const maxVersionsPerDocument = 500;
/** The newest this many are listed. */
const versionListLimit = 200;

const versionNotFound = () => notFound("That version");

/** A rich-text document's state (live or a version) as ProseMirror-style JSON. */
export function stateToJson(state: Uint8Array): DocNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return richTextToJson(doc);
  } finally {
    doc.destroy();
  }
}

/** The document's parts: the young person's words, then the family's ("young-person-views" sorts after "family-views"). */
async function partsOf(db: Db, documentId: string) {
  return db
    .select({ id: schema.documents.id, title: schema.documents.title })
    .from(schema.documents)
    .where(eq(schema.documents.partOf, documentId))
    .orderBy(desc(schema.documents.kind), schema.documents.createdAt);
}

async function mayOpen(db: Db, person: Person, documentId: string): Promise<boolean> {
  return (await documentAccessFor(db, person, documentId)).ok;
}

/** One version of this document (never another document's, never a part's row), or 404. */
async function versionRow(db: Db, documentId: string, versionId: string) {
  if (!isUuid(versionId)) throw versionNotFound();
  const [row] = await db
    .select({
      id: schema.documentVersions.id,
      name: schema.documentVersions.name,
      state: schema.documentVersions.state,
      carriedActions: schema.documentVersions.carriedActions,
      savedBy: schema.people.name,
      savedAt: schema.documentVersions.createdAt,
    })
    .from(schema.documentVersions)
    .leftJoin(schema.people, eq(schema.people.id, schema.documentVersions.createdBy))
    .where(and(eq(schema.documentVersions.id, versionId), eq(schema.documentVersions.documentId, documentId), isNull(schema.documentVersions.partOfVersion)));
  if (!row) throw versionNotFound();
  return row;
}

const summary = (row: { id: string; name: string; savedBy: string | null; savedAt: Date }): DocumentVersionSummary => ({
  id: row.id,
  name: row.name,
  savedBy: row.savedBy,
  savedAt: row.savedAt.toISOString(),
});

export interface ReadText extends VersionText {
  opened: DocumentAccess;
  /** Minutes not yet agreed, read as they stand: a draft, and said to be one. */
  draftMinutes: boolean;
}

/**
 * Minutes once agreed are the agreed record: their "Agreed minutes" version, whatever has
 * happened to the live document since (an action in them marked done moves it on). Null for
 * anything else, and for minutes not yet agreed.
 */
async function agreedMinutesVersionId(db: Db, document: DocumentAccess["document"]): Promise<string | null> {
  if (document.kind !== "minutes" || !document.meetingId) return null;
  const [meeting] = await db.select({ status: schema.meetings.status }).from(schema.meetings).where(eq(schema.meetings.id, document.meetingId));
  if (meeting?.status !== "minutes-agreed") return null;
  const [agreed] = await db
    .select({ id: schema.documentVersions.id })
    .from(schema.documentVersions)
    .where(and(eq(schema.documentVersions.documentId, document.id), eq(schema.documentVersions.name, agreedMinutesName), isNull(schema.documentVersions.partOfVersion)))
    .orderBy(desc(schema.documentVersions.createdAt))
    .limit(1);
  return agreed?.id ?? null;
}

/**
 * One part's text, with the actions carried into it if it is a child's part of the minutes
 * (ADR 0027), in the words and order of the minutes' PDF. The caller has checked the reader may
 * open the part, and the carried actions are that part's only: a withheld child's never come.
 * Read from a version, they are as they stood when it was kept: agreed minutes as agreed.
 */
async function partText(db: Db, part: { documentId: string; title: string; state: Uint8Array; carriedActions?: CarriedActionRecord[] | null }): Promise<VersionPart> {
  // A version keeps them as they stood when it was kept; one kept before it did (null) reads them as they stand.
  const carried = part.carriedActions ?? (await carriedActionRecords(db, part.documentId));
  const content = withCarriedActionRecords(stateToJson(part.state), carried);
  return { documentId: part.documentId, title: part.title, content };
}

/** The text of a document and the parts this person may open: now, or as a named version kept it. */
export async function readText({ db, registry }: DocumentRecordDeps, person: Person, documentId: string, versionId?: string): Promise<ReadText> {
  const opened = orRefuse(await documentAccessFor(db, person, documentId));
  const { document } = opened;
  const parts: VersionPart[] = [];
  const asked = versionId ?? (await agreedMinutesVersionId(db, document));
  if (asked === null) {
    parts.push(await partText(db, { documentId, title: document.title, state: await registry.readState(documentId) }));
    for (const part of await partsOf(db, documentId)) {
      if (await mayOpen(db, person, part.id)) parts.push(await partText(db, { documentId: part.id, title: part.title, state: await registry.readState(part.id) }));
    }
    return { opened, version: null, parts, draftMinutes: document.kind === "minutes" };
  }
  const version = await versionRow(db, documentId, asked);
  parts.push(await partText(db, { documentId, title: document.title, state: version.state, carriedActions: version.carriedActions }));
  const savedParts = await db
    .select({ documentId: schema.documentVersions.documentId, state: schema.documentVersions.state, carriedActions: schema.documentVersions.carriedActions, title: schema.documents.title })
    .from(schema.documentVersions)
    .innerJoin(schema.documents, eq(schema.documents.id, schema.documentVersions.documentId))
    .where(eq(schema.documentVersions.partOfVersion, version.id))
    .orderBy(schema.documents.createdAt);
  for (const part of savedParts) {
    if (await mayOpen(db, person, part.documentId)) parts.push(await partText(db, part));
  }
  return { opened, version: summary(version), parts, draftMinutes: false };
}

export async function documentText(deps: DocumentRecordDeps, person: Person, documentId: string, versionId?: string): Promise<VersionText> {
  const { version, parts } = await readText(deps, person, documentId, versionId);
  return { version, parts };
}

export async function listVersions({ db }: DocumentRecordDeps, person: Person, documentId: string): Promise<DocumentVersionSummary[]> {
  orRefuse(await documentAccessFor(db, person, documentId));
  const rows = await db
    .select({ id: schema.documentVersions.id, name: schema.documentVersions.name, savedBy: schema.people.name, savedAt: schema.documentVersions.createdAt })
    .from(schema.documentVersions)
    .leftJoin(schema.people, eq(schema.people.id, schema.documentVersions.createdBy))
    .where(and(eq(schema.documentVersions.documentId, documentId), isNull(schema.documentVersions.partOfVersion)))
    .orderBy(desc(schema.documentVersions.createdAt))
    .limit(versionListLimit);
  return rows.map(summary);
}

/**
 * Keeps the document as it stands now under a name, with every part of it (the family's part
 * too): whoever reads the version later sees the parts they may open then.
 */
export async function saveVersion({ db, registry, config }: DocumentRecordDeps, person: Person, documentId: string, body: NewVersionBody): Promise<DocumentVersionSummary> {
  const { access } = orRefuse(await documentAccessFor(db, person, documentId));
  if (!atLeast(access, "edit")) throw forbidden("Only people who can edit this document can save a named version of it.");
  // Read before the transaction: reading may need the database (see commandMeeting).
  // Each with the actions carried into it as they stand now (ADR 0027), so the version shows them so.
  const kept = async (id: string) => ({ state: await registry.readState(id), carriedActions: await carriedActionRecords(db, id) });
  const { state, carriedActions } = await kept(documentId);
  const parts = await Promise.all((await partsOf(db, documentId)).map(async (p) => ({ documentId: p.id, ...(await kept(p.id)) })));
  const row = await db.transaction(async (tx) => {
    // One person's saves, and one document's, are taken in turn (person first, always): the
    // counts below then hold until this one commits, so two saves at once cannot both pass.
    await tx.select({ id: schema.people.id }).from(schema.people).where(eq(schema.people.id, person.id)).for("update");
    await tx.select({ id: schema.documents.id }).from(schema.documents).where(eq(schema.documents.id, documentId)).for("update");
    const limit = config.versionSavesPerMinute;
    const [{ recent } = { recent: 0 }] = await tx
      .select({ recent: count() })
      .from(schema.documentVersions)
      .where(
        and(
          eq(schema.documentVersions.createdBy, person.id),
          isNull(schema.documentVersions.partOfVersion),
          // Saves by hand only: agreeing a tracker meeting's minutes keeps one version per child's
          // part under the chair's name, and does not use up their saves.
          ne(schema.documentVersions.name, agreedMinutesName),
          gt(schema.documentVersions.createdAt, new Date(Date.now() - 60_000)),
        ),
      );
    if (recent >= limit) {
      throw new HttpError(429, `You have saved ${limit} named versions in the last minute, which is as many as Roundtable allows. Wait a minute, then save this one again.`, undefined, { "Retry-After": "60" });
    }
    const [{ saved } = { saved: 0 }] = await tx
      .select({ saved: count() })
      .from(schema.documentVersions)
      .where(and(eq(schema.documentVersions.documentId, documentId), isNull(schema.documentVersions.partOfVersion)));
    if (saved >= maxVersionsPerDocument) throw new HttpError(409, `This document already has ${maxVersionsPerDocument} named versions, which is as many as it can keep.`);
    const [version] = await tx
      .insert(schema.documentVersions)
      .values({ documentId, name: body.name, state, carriedActions, createdBy: person.id })
      .returning({ id: schema.documentVersions.id, name: schema.documentVersions.name, savedAt: schema.documentVersions.createdAt });
    if (parts.length > 0) await tx.insert(schema.documentVersions).values(parts.map((p) => ({ ...p, name: body.name, createdBy: person.id, partOfVersion: version!.id })));
    return version!;
  });
  return summary({ ...row, savedBy: person.name });
}
