/**
 * Request bodies are bounded where they enter: an oversized body is refused with 413 before the
 * server has read it all — with a Content-Length, before reading any of it; streamed, as soon as
 * it passes the limit, while the client is still sending.
 */
import { request, type ClientRequest, type IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { demoEmail, demoPassword, signIn } from "./support/api-client.js";
import { useTestServer } from "./support/test-server.js";
import { waitFor } from "./support/wait-for.js";

const limit = 64 * 1024;
const server = useTestServer({ configure: (config) => Object.assign(config, { apiMaxBodyBytes: limit }) });

interface Answer {
  status: number;
  body: string;
  connection: string | undefined;
}

/**
 * Start a POST and send `bytes` of body without ending it (as a client still uploading would),
 * then wait for the server's answer. Today's code only answers once the body ends, so it never would.
 */
async function answerWhileStillSending(path: string, headers: Record<string, string>, bytes: number): Promise<Answer> {
  let answer: Answer | null = null;
  const req: ClientRequest = request(`${server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers } });
  req.on("error", () => {}); // the server closes the connection once it has answered
  req.on("response", (res: IncomingMessage) => {
    let body = "";
    res.on("data", (d: Buffer) => (body += d.toString()));
    res.on("end", () => (answer = { status: res.statusCode ?? 0, body, connection: res.headers.connection }));
  });
  // JSON whitespace, so nothing but its size is wrong with it.
  const chunk = Buffer.alloc(16 * 1024, 0x20);
  for (let sent = 0; sent < bytes; sent += chunk.length) req.write(chunk);
  try {
    // Generous: the answer needs no more than the bytes above to arrive.
    return await waitFor(() => answer, { timeoutMs: 15_000, what: "an answer while the body is still being sent" });
  } finally {
    req.destroy();
  }
}

describe("request body size", () => {
  it("refuses a streamed body past the limit while the client is still sending it, with a clear 413", async () => {
    const answer = await answerWhileStillSending("/api/auth/login", { "transfer-encoding": "chunked" }, 2 * limit);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: expect.stringMatching(/more than Roundtable accepts in one go \(64 KB\)/) });
    expect(answer.connection).toBe("close");
  });

  it("refuses a body declared larger than the limit before reading it, signed in or not", async () => {
    const huge = String(400 * 1024 * 1024);
    expect((await answerWhileStillSending("/api/auth/login", { "content-length": huge }, 16 * 1024)).status).toBe(413);
    const priya = await signIn(server.url, "priya.shah");
    const onCases = await answerWhileStillSending("/api/cases/whatever/comments", { "content-length": huge, cookie: priya.cookie }, 16 * 1024);
    expect(onCases.status).toBe(413);
  });

  it("accepts a body within the limit", async () => {
    const body = JSON.stringify({ email: demoEmail("priya.shah"), password: demoPassword, padding: " ".repeat(limit - 200) });
    const res = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(200);
  });

  it("allows 1 MB by default, and API_MAX_BODY_BYTES changes it", () => {
    expect(loadConfig({}).apiMaxBodyBytes).toBe(1024 * 1024);
    expect(loadConfig({ API_MAX_BODY_BYTES: "2048" }).apiMaxBodyBytes).toBe(2048);
  });
});
