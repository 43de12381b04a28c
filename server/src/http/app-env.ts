/** What every route handler can reach: the database and the signed-in person. */
import type { Db, DatabaseKind } from "@roundtable/db";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Person } from "../services/sessions.js";

export interface AppDeps {
  db: Db;
  databaseKind: DatabaseKind;
  config: Config;
  log: Logger;
}

export interface AppEnv {
  Variables: { person: Person };
}
