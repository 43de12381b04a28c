/**
 * The easy-read view (ADR 0023): GET and PUT /api/easy-read/preference — the signed-in person's
 * own choice, on or off; GET /api/easy-read/documents/:documentId — a read-only snapshot of a
 * document they may open, to draw in easy read.
 */
import { readingPreferenceBodySchema, uuidSchema } from "@roundtable/domain";
import { Hono } from "hono";
import { documentAuditContextById } from "../audit/document-context.js";
import type { DocumentSessions } from "../audit/document-sessions.js";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import type { MeetingDeps } from "../meetings/meetings.js";
import { easyReadSnapshot, readingPreferenceOf, saveReadingPreference } from "./easy-read.js";

export function easyReadRoutes(deps: AppDeps & Pick<MeetingDeps, "registry"> & { documentSessions: DocumentSessions }) {
  const { db, documentSessions } = deps;
  return new Hono<AppEnv>()
    .get("/preference", async (c) => c.json(await readingPreferenceOf(db, c.get("person").id)))
    .put("/preference", jsonBody(readingPreferenceBodySchema), async (c) => c.json(await saveReadingPreference(db, c.get("person").id, c.req.valid("json"))))
    .get("/documents/:documentId", async (c) => {
      const person = c.get("person");
      const documentId = parseOrThrow(uuidSchema, c.req.param("documentId"), "document id");
      const snapshot = await easyReadSnapshot(deps, person, documentId);
      // A read like any other: after it was allowed, so an access report misses no reader.
      await documentSessions.read(documentId, person, () => documentAuditContextById(db, person, documentId));
      return c.json(snapshot);
    });
}
