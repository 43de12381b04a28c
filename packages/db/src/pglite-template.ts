/**
 * For tests: a PGlite data directory already made and migrated, copied into each test's own
 * directory instead of making a new one. Making one (PGlite's initdb, then every migration)
 * takes seconds of CPU, several times that on a busy machine, and a suite starts dozens of
 * servers; copying the finished directory takes a fraction of that. The server then opens the
 * copy as it opens any existing data directory, migrations checked and none left to apply.
 *
 * The template is made once per machine for each set of migrations and each PGlite build: its
 * folder's name is a hash of both, so a new or changed migration, or another PGlite, makes a
 * new one. It is made by the same openDatabase() the server uses, in a folder of its own, and
 * renamed into place only when complete and closed, so a reader never sees half of one; two
 * processes making it at once both finish, and the first rename wins.
 */
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "./database.js";

const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));
const templatesRoot = path.join(tmpdir(), "roundtable-pglite-templates");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Names this set of migrations on this PGlite build. */
function templateKey(): string {
  const hash = createHash("sha256");
  // The resolved path names PGlite's version (pnpm keeps each version in its own folder).
  hash.update(import.meta.resolve("@electric-sql/pglite"));
  for (const file of filesUnder(migrationsFolder)) {
    hash.update(path.relative(migrationsFolder, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

let made: Promise<string> | null = null;

/** The folder of a migrated, closed, empty PGlite data directory; made if there is none yet. */
export function migratedPgliteTemplate(): Promise<string> {
  made ??= (async () => {
    const template = path.join(templatesRoot, templateKey());
    if (existsSync(template)) return template;
    mkdirSync(templatesRoot, { recursive: true });
    const building = `${template}.${process.pid}.${randomBytes(4).toString("hex")}`;
    try {
      const database = await openDatabase({ dataDir: building, pglite: { minFreeBytes: 0 } });
      await database.close();
      renameSync(building, template);
    } catch (err) {
      // Another process renamed its copy into place first: use that one.
      if (!existsSync(template)) throw err;
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
    return template;
  })();
  made.catch(() => (made = null));
  return made;
}

/** Fills `dataDir` (missing or empty) with a migrated, empty PGlite database. */
export async function copyMigratedPglite(dataDir: string): Promise<void> {
  cpSync(await migratedPgliteTemplate(), dataDir, { recursive: true });
}
