/**
 * The CETR follow-up dashboard's API: GET /api/cetr-actions (the contract other tools rely on:
 * rows of `CetrActionRow`, a page at a time, the next page named in a Link header) and GET
 * /api/cetr-actions/overview (what the page reads) and GET /api/cetr-actions/choices (its
 * filters' choices).
 */
import { Hono } from "hono";
import { cetrActionsDefaultLimit, cetrActionsOverviewPageSize, cetrActionsOverviewQuerySchema, cetrActionsQuerySchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { pageSize } from "../http/page-size.js";
import { query } from "../http/validate.js";
import { listCetrActions } from "./cetr-action-list.js";
import { cetrActionChoices } from "./cetr-action-choices.js";
import { cetrActionsOverview } from "./cetr-actions-overview.js";

/** Open actions the page's list holds when the request does not say. */

export function cetrActionRoutes({ db, config }: Pick<AppDeps, "db" | "config">) {
  return new Hono<AppEnv>()
    .get("/", query(cetrActionsQuerySchema), async (c) => {
      const asked = c.req.valid("query");
      const limit = pageSize(asked.limit, cetrActionsDefaultLimit, config.listMaxPageSize);
      const page = await listCetrActions(db, c.get("person"), { ...asked, limit }, { signal: c.req.raw.signal });
      if (page.nextAfter) {
        const next = new URL(c.req.url);
        next.searchParams.set("after", page.nextAfter);
        c.header("Link", `<${next.pathname}${next.search}>; rel="next"`);
      }
      return c.json(page.rows);
    })
    .get("/overview", query(cetrActionsOverviewQuerySchema), async (c) => {
      const asked = c.req.valid("query");
      const limit = pageSize(asked.limit, cetrActionsOverviewPageSize, config.listMaxPageSize);
      return c.json(await cetrActionsOverview(db, c.get("person"), { ...asked, limit }, { signal: c.req.raw.signal }));
    })
    .get("/choices", async (c) => c.json(await cetrActionChoices(db, c.get("person"))));
}
