/** The reports' API: GET /api/reports/service, the service lead's report on their service. */
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { serviceReport } from "./service-report.js";

export function reportRoutes({ db }: Pick<AppDeps, "db">) {
  return new Hono<AppEnv>().get("/service", async (c) => c.json(await serviceReport(db, c.get("person"), { signal: c.req.raw.signal })));
}
