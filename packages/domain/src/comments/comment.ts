/**
 * Comments on a document: a note about a passage of a care plan (or the document as a whole),
 * which the team can reply to and resolve when it has been dealt with. Comments live in
 * Postgres, not in the Yjs document, so people who may only comment never write to the text.
 *
 * A passage is held by two Yjs relative positions (as `Y.relativePositionToJSON` gives them):
 * they keep pointing at the same words however the text around them is edited.
 */
import { z } from "zod";
import { textField } from "../text.js";

const yId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/** The JSON form of a Yjs relative position. */
export const relativePositionSchema = z.object({
  type: yId.nullish(),
  tname: textField().max(100).nullish(),
  item: yId.nullish(),
  assoc: z.number().int().optional(),
});
export type RelativePositionJson = z.infer<typeof relativePositionSchema>;

export const commentAnchorSchema = z.object({ from: relativePositionSchema, to: relativePositionSchema });
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

export const commentBodyMaxLength = 5000;
export const commentQuoteMaxLength = 500;

export const newCommentBodySchema = z
  .object({
    body: textField().trim().min(1, "Write your comment").max(commentBodyMaxLength, `Keep a comment under ${commentBodyMaxLength} characters`),
    /** The passage commented on; leave out for a comment about the whole document. */
    anchor: commentAnchorSchema.optional(),
    /** The words of the passage when the comment was made, shown even if they are later changed. */
    quote: textField().max(commentQuoteMaxLength, `The passage quoted can be at most ${commentQuoteMaxLength} characters`).optional(),
    /** Reply to this comment (replies are not anchored themselves). */
    replyTo: z.uuid("replyTo must be a comment id").optional(),
  })
  .refine((c) => !(c.replyTo && c.anchor), { message: "A reply belongs to its comment's passage: leave out anchor" });
export type NewCommentBody = z.infer<typeof newCommentBodySchema>;

export const updateCommentBodySchema = z.object({ resolved: z.boolean({ error: "Say resolved: true or false" }) });
export type UpdateCommentBody = z.infer<typeof updateCommentBodySchema>;

export interface CommentReply {
  id: string;
  author: { id: string; name: string };
  body: string;
  createdAt: string;
}

export interface DocumentComment extends CommentReply {
  documentId: string;
  anchor: CommentAnchor | null;
  quote: string | null;
  resolved: { by: { id: string; name: string } | null; at: string } | null;
  replies: CommentReply[];
  /** Whether the person asking may resolve or reopen it (its author, or anyone who edits the document). */
  canResolve: boolean;
}
