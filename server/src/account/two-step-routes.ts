/**
 * Two-step sign-in for the signed-in person: GET /api/me/two-step (is it available, is it on),
 * POST /api/me/two-step/setup (a new secret), POST /api/me/two-step/enable and /disable { code }.
 */
import { Hono } from "hono";
import { textField } from "@roundtable/domain";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { jsonBody } from "../http/validate.js";
import { disableTwoStep, enableTwoStep, startTwoStepSetup, twoStepStatus } from "../auth/two-step.js";

const codeBodySchema = z.object({
  code: textField({ error: "Enter the 6-digit code from your authenticator app" })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app"),
});

export function twoStepRoutes({ db }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", async (c) => c.json(await twoStepStatus(db, c.get("person"))))
    .post("/setup", async (c) => c.json(await startTwoStepSetup(db, c.get("person"))))
    .post("/enable", jsonBody(codeBodySchema), async (c) => {
      const { code } = c.req.valid("json");
      await enableTwoStep(db, c.get("person"), code);
      return c.json(await twoStepStatus(db, c.get("person")));
    })
    .post("/disable", jsonBody(codeBodySchema), async (c) => {
      const { code } = c.req.valid("json");
      await disableTwoStep(db, c.get("person"), code);
      return c.json(await twoStepStatus(db, c.get("person")));
    });
}
