/** Comments: PATCH /api/comments/:commentId with { resolved } — resolve a conversation or reopen it. */
import { Hono } from "hono";
import { updateCommentBodySchema, uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { setCommentResolved } from "./comments.js";

export function commentRoutes({ db, onCommentsChanged }: AppDeps) {
  return new Hono<AppEnv>().patch("/:commentId", jsonBody(updateCommentBodySchema), async (c) => {
    const commentId = parseOrThrow(uuidSchema, c.req.param("commentId"), "comment id");
    const { resolved } = c.req.valid("json");
    const comment = await setCommentResolved(db, c.get("person"), commentId, resolved);
    onCommentsChanged(comment.documentId);
    return c.json(comment);
  });
}
