/** Documents: GET /api/documents/:documentId — what it is and what the caller may do with it. */
import { Hono } from "hono";
import { uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { parseOrThrow } from "../http/validate.js";
import { describeDocument } from "../services/documents.js";

export function documentRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>().get("/:documentId", async (c) => {
    const documentId = parseOrThrow(uuidSchema, c.req.param("documentId"), "document id");
    return c.json(await describeDocument(db, c.get("person"), documentId));
  });
}
