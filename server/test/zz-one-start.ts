// One test server up and down, as a test file's set-up does it.
import { createTestStorage, startTestServer } from "./support/test-server.js";
const storage = await createTestStorage();
const server = await startTestServer(storage);
await server.close();
await storage.cleanup();
