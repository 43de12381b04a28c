/**
 * Documents: GET /api/documents/:documentId — what it is and what the caller may do with it;
 * GET and POST /api/documents/:documentId/comments — its comments, and adding one or a reply;
 * POST /api/documents/:documentId/printed — a print, for the audit trail;
 * GET /api/documents/:documentId/pdf[?version=] — it and its parts the caller may open, as a PDF;
 * GET /api/documents/:documentId/text[?version=] — the same as readable blocks (for comparing);
 * GET and POST /api/documents/:documentId/versions, GET …/versions/:versionId — named versions (ADR 0022);
 * GET /api/documents/:documentId/history[?before=] — who changed which sections, in words (ADR 0028).
 */
import { Hono } from "hono";
import { editHistoryQuerySchema, newCommentBodySchema, newVersionBodySchema, uuidSchema } from "@roundtable/domain";
import { documentAuditContextById } from "../audit/document-context.js";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow, query } from "../http/validate.js";
import { addComment, listComments } from "../comments/comments.js";
import { describeDocument, recordPrinted } from "./documents.js";
import { documentHistory } from "./edit-history.js";
import { documentText, listVersions, saveVersion } from "./document-record.js";
import { documentPdf, type DocumentPdfDeps } from "./document-pdf.js";
import type { Person } from "../auth/sessions.js";
import type { DocumentSessions } from "../audit/document-sessions.js";

export function documentRoutes(deps: AppDeps & DocumentPdfDeps & { documentSessions: DocumentSessions }) {
  const { db, onCommentsChanged, documentSessions } = deps;
  const documentIdOf = (value: string) => parseOrThrow(uuidSchema, value, "document id");
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
    .get("/:documentId/pdf", async (c) => {
      const { filename, pdf } = await documentPdf(deps, c.get("person"), documentIdOf(c.req.param("documentId")), c.req.query("version"), undefined, c.req.raw.signal);
      return c.body(new Uint8Array(pdf), 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      });
    })
    .get("/:documentId/text", async (c) => {
      const documentId = documentIdOf(c.req.param("documentId"));
      const text = await documentText(deps, c.get("person"), documentId, c.req.query("version"));
      await recordRead(c.get("person"), documentId);
      return c.json(text);
    })
    .get("/:documentId/history", query(editHistoryQuerySchema), async (c) => {
      const documentId = documentIdOf(c.req.param("documentId"));
      const history = await documentHistory(db, c.get("person"), documentId, c.req.valid("query").before);
      await recordRead(c.get("person"), documentId);
      return c.json(history);
    })
    .get("/:documentId/versions", async (c) => {
      return c.json(await listVersions(deps, c.get("person"), documentIdOf(c.req.param("documentId"))));
    })
    .post("/:documentId/versions", jsonBody(newVersionBodySchema), async (c) => {
      return c.json(await saveVersion(deps, c.get("person"), documentIdOf(c.req.param("documentId")), c.req.valid("json")), 201);
    })
    .get("/:documentId/versions/:versionId", async (c) => {
      const documentId = documentIdOf(c.req.param("documentId"));
      const text = await documentText(deps, c.get("person"), documentId, c.req.param("versionId"));
      await recordRead(c.get("person"), documentId);
      return c.json(text);
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
