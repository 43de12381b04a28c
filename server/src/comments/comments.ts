/**
 * Comment use-cases: list a document's comments with their replies, add one (anyone who may
 * comment on or edit the document), and resolve or reopen one (its author, or anyone who edits
 * the document). Every check is the document's own access rule.
 */
import { schema, type Db } from "@roundtable/db";
import { atLeast, type CommentReply, type DocumentComment, type NewCommentBody } from "@roundtable/domain";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { forbidden, HttpError, notFound } from "../errors.js";
import { documentAccessFor } from "../access/access.js";
import { orRefuse } from "../access/access-answer.js";
import type { Person } from "../auth/sessions.js";

const author = alias(schema.people, "author");
const resolver = alias(schema.people, "resolver");

function commentQuery(db: Db) {
  return db
    .select({ comment: schema.comments, authorName: author.name, resolverName: resolver.name })
    .from(schema.comments)
    .innerJoin(author, eq(author.id, schema.comments.authorId))
    .leftJoin(resolver, eq(resolver.id, schema.comments.resolvedBy));
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentQuery>["execute"]>>[number];

function toReply(row: CommentRow): CommentReply {
  const c = row.comment;
  return { id: c.id, author: { id: c.authorId, name: row.authorName }, body: c.body, createdAt: c.createdAt.toISOString() };
}

function toComment(row: CommentRow, replies: CommentReply[], canEdit: boolean, person: Person): DocumentComment {
  const c = row.comment;
  return {
    ...toReply(row),
    documentId: c.documentId,
    anchor: c.anchor,
    quote: c.quote,
    resolved: c.resolvedAt
      ? { by: c.resolvedBy && row.resolverName ? { id: c.resolvedBy, name: row.resolverName } : null, at: c.resolvedAt.toISOString() }
      : null,
    replies,
    canResolve: canEdit || c.authorId === person.id,
  };
}

export async function listComments(db: Db, person: Person, documentId: string): Promise<DocumentComment[]> {
  const { access } = orRefuse(await documentAccessFor(db, person, documentId));
  const rows = await commentQuery(db)
    .where(eq(schema.comments.documentId, documentId))
    .orderBy(asc(schema.comments.createdAt), asc(schema.comments.id));
  const replies = new Map<string, CommentReply[]>();
  for (const row of rows) {
    if (!row.comment.replyTo) continue;
    replies.set(row.comment.replyTo, [...(replies.get(row.comment.replyTo) ?? []), toReply(row)]);
  }
  return rows
    .filter((row) => !row.comment.replyTo)
    .map((row) => toComment(row, replies.get(row.comment.id) ?? [], access === "edit", person));
}

export async function addComment(db: Db, person: Person, documentId: string, body: NewCommentBody): Promise<DocumentComment> {
  const { access } = orRefuse(await documentAccessFor(db, person, documentId));
  if (!atLeast(access, "comment")) throw forbidden("You can read this document but not comment on it.");
  let threadId: string;
  if (body.replyTo) {
    const [parent] = await db
      .select({ id: schema.comments.id, documentId: schema.comments.documentId, replyTo: schema.comments.replyTo })
      .from(schema.comments)
      .where(eq(schema.comments.id, body.replyTo));
    if (!parent || parent.documentId !== documentId) throw notFound("The comment you are replying to");
    if (parent.replyTo) throw new HttpError(400, "Reply to the first comment in the conversation, not to a reply.");
    threadId = parent.id;
    await db.insert(schema.comments).values({ documentId, replyTo: parent.id, authorId: person.id, body: body.body });
  } else {
    const [row] = await db
      .insert(schema.comments)
      .values({ documentId, authorId: person.id, body: body.body, anchor: body.anchor ?? null, quote: body.anchor ? (body.quote ?? null) : null })
      .returning({ id: schema.comments.id });
    threadId = row!.id;
  }
  return commentById(db, person, threadId, access === "edit");
}

/** Resolve (or reopen) a comment. Returns it with the document it belongs to. */
export async function setCommentResolved(db: Db, person: Person, commentId: string, resolved: boolean): Promise<DocumentComment> {
  const [found] = await db
    .select({ documentId: schema.comments.documentId, authorId: schema.comments.authorId, replyTo: schema.comments.replyTo })
    .from(schema.comments)
    .where(eq(schema.comments.id, commentId));
  if (!found) throw notFound("That comment");
  const { access } = orRefuse(await documentAccessFor(db, person, found.documentId));
  if (found.replyTo) throw new HttpError(400, "Resolve the conversation, not a reply in it.");
  if (access !== "edit" && !(found.authorId === person.id && atLeast(access, "comment"))) {
    throw forbidden("Only the person who wrote this comment, or someone who edits the document, can resolve it.");
  }
  await db
    .update(schema.comments)
    .set(resolved ? { resolvedAt: new Date(), resolvedBy: person.id } : { resolvedAt: null, resolvedBy: null })
    .where(eq(schema.comments.id, commentId));
  return commentById(db, person, commentId, access === "edit");
}

async function commentById(db: Db, person: Person, commentId: string, canEdit: boolean): Promise<DocumentComment> {
  const [row] = await commentQuery(db).where(eq(schema.comments.id, commentId));
  if (!row) throw notFound("That comment");
  const replies = await commentQuery(db)
    .where(eq(schema.comments.replyTo, commentId))
    .orderBy(asc(schema.comments.createdAt), asc(schema.comments.id));
  return toComment(row, replies.map(toReply), canEdit, person);
}
