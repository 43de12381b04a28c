/**
 * Documents: GET /api/documents/:documentId — what it is and what the caller may do with it;
 * GET and POST /api/documents/:documentId/comments — its comments, and adding one or a reply;
 * POST /api/documents/:documentId/printed — a print, for the audit trail.
 */
import { Hono } from "hono";
import { newCommentBodySchema, uuidSchema } from "@roundtable/domain";
import { documentAuditContextById } from "../audit/document-context.js";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { addComment, listComments } from "../comments/comments.js";
import { describeDocument, recordPrinted } from "./documents.js";
import type { Person } from "../auth/sessions.js";
import type { DocumentSessions } from "../audit/document-sessions.js";

export function documentRoutes({ db, onCommentsChanged, documentSessions }: AppDeps & { documentSessions: DocumentSessions }) {
  // After the read was allowed (a refusal throws first): an access report must not miss a reader.
  const recordRead = (person: Person, documentId: string) => documentSessions.read(documentId, person, () => documentAuditContextById(db, person, documentId));
  return new Hono<AppEnv>()
    .get("/:documentId", async (c) => {
      const documentId = parseOrThrow(uuidSchema, c.req.param("documentId"), "document id");
      const detail = await describeDocument(db, c.get("person"), documentId);
      await recordRead(c.get("person"), documentId);
      return c.json(detail);
    })
    .post("/:documentId/printed", async (c) => {
      // The browser prints; it tells us so the print is on the record like a download.
      const documentId = parseOrThrow(uuidSchema, c.req.param("documentId"), "document id");
      await recordPrinted(db, c.get("person"), documentId);
      return c.body(null, 204);
    })
    .get("/:documentId/comments", async (c) => {
      const documentId = parseOrThrow(uuidSchema, c.req.param("documentId"), "document id");
      const comments = await listComments(db, c.get("person"), documentId);
      await recordRead(c.get("person"), documentId);
      return c.json(comments);
    })
    .post("/:documentId/comments", jsonBody(newCommentBodySchema), async (c) => {
      const documentId = parseOrThrow(uuidSchema, c.req.param("documentId"), "document id");
      const comment = await addComment(db, c.get("person"), documentId, c.req.valid("json"));
      onCommentsChanged(documentId);
      return c.json(comment, 201);
    });
}
