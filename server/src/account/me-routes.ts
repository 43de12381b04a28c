/** GET /api/me — who is signed in. */
import { Hono } from "hono";
import { presenceColour, type Me } from "@roundtable/domain";
import type { AppEnv } from "../http/app-env.js";
import type { Person } from "../auth/sessions.js";

export function toMe(person: Person): Me {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    agency: person.agencyName,
    colour: presenceColour(person.id),
  };
}

export function meRoutes() {
  return new Hono<AppEnv>().get("/", (c) => c.json(toMe(c.get("person"))));
}
