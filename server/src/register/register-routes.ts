/**
 * The register: GET /api/register (a page of the service's children, as JSON) and
 * GET /api/register.csv (the same page, with the same query, as a CSV download).
 * Query: rating, keyworker (an id or "none"), sort, page, limit (registerQuerySchema).
 */
import { Hono } from "hono";
import { registerDefaultPageSize, registerQuerySchema } from "@roundtable/domain";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { pageSize } from "../http/page-size.js";
import { query } from "../http/validate.js";
import { listRegister } from "./register.js";
import { registerCsvDownload } from "./register-csv.js";

export function registerRoutes({ db, config }: Pick<AppDeps, "db" | "config">) {
  return new Hono<AppEnv>()
    .get("/register", query(registerQuerySchema), async (c) => {
      const asked = c.req.valid("query");
      const options = { pageSize: pageSize(asked.limit, registerDefaultPageSize, config.listMaxPageSize), signal: c.req.raw.signal };
      return c.json(await listRegister(db, c.get("person"), asked, options));
    })
    .get("/register.csv", query(registerQuerySchema), async (c) => {
      const asked = c.req.valid("query");
      const options = { pageSize: pageSize(asked.limit, registerDefaultPageSize, config.listMaxPageSize), signal: c.req.raw.signal };
      const { filename, csv } = await registerCsvDownload(db, c.get("person"), asked, options);
      return c.body(csv, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
      });
    });
}
