/**
 * A fresh, empty Postgres database for one test run, dropped afterwards, so suites never share
 * rows. Used when DATABASE_URL is set; otherwise tests use in-memory or on-disk PGlite.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `rt_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/** A Postgres database kept between runs (a benchmark's seeded data): made if it is not there yet, never dropped. */
export async function keptTestDatabase(adminUrl: string, name: string): Promise<TestDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`A kept database's name is lower-case letters, digits and _ only, not "${name}".`);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [found] = await admin`select 1 from pg_database where datname = ${name}`;
  if (!found) await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => {} };
}

export { copyMigratedPglite, migratedPgliteTemplate } from "./pglite-template.js";
