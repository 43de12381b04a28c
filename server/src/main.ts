/** Entry point: `pnpm start`. */
import { loadConfig } from "./config.js";
import { describeDatabaseFailure, isDatabaseUnavailable } from "./database-failure.js";
import { missingRuntimeSettings } from "./runtime-settings.js";
import { startServer } from "./server.js";

const config = loadConfig();
const server = await startServer(config);

// The Postgres driver can reject a promise nobody holds when a connection drops mid-flight (seen
// in pnpm test:faults during restarts). Losing the database for a moment must not end the
// process: every write is retried and people are told. Anything else still ends it, as before.
process.on("unhandledRejection", (reason) => {
  if (!isDatabaseUnavailable(reason)) throw reason;
  server.log.error(describeDatabaseFailure(reason), "a database connection failed with nobody waiting for it; carrying on");
});
// Read as the process starts; without them the server holds more memory at rest (ADR 0038).
const missing = missingRuntimeSettings(process.env);
if (missing.length > 0) server.log.info({ missing }, "started without settings `pnpm start` gives: the server holds more memory at rest than it would with them (ADR 0038)");
console.log(`\nRoundtable is ready at http://localhost:${server.port} (database: ${server.database.kind})\n`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.log.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
