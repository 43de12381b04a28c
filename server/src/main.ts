/** Entry point: `pnpm start`. */
import { loadConfig } from "./config.js";
import { startServer } from "./server.js";

const config = loadConfig();
const server = await startServer(config);
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
