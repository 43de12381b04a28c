/**
 * The service's own relationships for network maps (the service lead's): GET /api/relationship-labels,
 * POST it to add one, PATCH /:id to rename one, PUT /:id/position to move one, DELETE /:id to
 * remove one. Each answers the list as it now is. What a child's maps offer is read under the
 * case: GET /api/cases/:caseId/relationship-labels.
 */
import { Hono } from "hono";
import { relationshipLabelBodySchema, relationshipLabelPositionBodySchema, uuidSchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody, parseOrThrow } from "../http/validate.js";
import { addRelationshipLabel, caseRelationshipLabels, listRelationshipLabels, moveRelationshipLabel, removeRelationshipLabel, renameRelationshipLabel } from "./relationship-labels.js";

export function relationshipLabelRoutes({ db }: Pick<AppDeps, "db">) {
  const id = (raw: string | undefined) => parseOrThrow(uuidSchema, raw, "relationship id");
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(await listRelationshipLabels(db, c.get("person"))))
    .post("/", jsonBody(relationshipLabelBodySchema), async (c) => c.json(await addRelationshipLabel(db, c.get("person"), c.req.valid("json")), 201))
    .patch("/:id", jsonBody(relationshipLabelBodySchema), async (c) => c.json(await renameRelationshipLabel(db, c.get("person"), id(c.req.param("id")), c.req.valid("json"))))
    .put("/:id/position", jsonBody(relationshipLabelPositionBodySchema), async (c) =>
      c.json(await moveRelationshipLabel(db, c.get("person"), id(c.req.param("id")), c.req.valid("json"))),
    )
    .delete("/:id", async (c) => c.json(await removeRelationshipLabel(db, c.get("person"), id(c.req.param("id")))));
}

/** GET /api/cases/:caseId/relationship-labels: for whoever may open the child's record. */
export function caseRelationshipLabelRoutes({ db }: Pick<AppDeps, "db">) {
  return new Hono<AppEnv>().get("/:caseId/relationship-labels", async (c) => {
    const caseId = parseOrThrow(uuidSchema, c.req.param("caseId"), "case id");
    return c.json(await caseRelationshipLabels(db, c.get("person"), caseId));
  });
}
