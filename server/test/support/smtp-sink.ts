/** A real SMTP server on a random local port that keeps every message it receives, for tests. */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";
import { useTestServer, type TestServer } from "./test-server.js";

export interface ReceivedMail {
  to: string[];
  subject: string;
  raw: string;
  /** The body with quoted-printable soft line breaks and escapes undone. */
  body: string;
}

export interface SmtpSink {
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
      stream.on("end", () => {
        const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, " ") ?? "";
        const encoded = raw.slice(raw.search(/\r?\n\r?\n/));
        const body = Buffer.from(
          encoded.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          "latin1",
        ).toString("utf8");
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), subject, raw, body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * A sink for the tests of one file: started before them (beforeAll) and closed after them
 * (afterAll). Call it above useTestServer, so that the sink is there when the server is
 * configured and outlives the server; read its url and messages only in hooks and tests (and in
 * useTestServer's configure).
 */
export function useSmtpSink(): Omit<SmtpSink, "close"> {
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });
  const started = (): SmtpSink => {
    if (!sink) throw new Error("useSmtpSink: the sink starts in beforeAll; use it inside a hook or a test");
    return sink;
  };
  return {
    get url() {
      return started().url;
    },
    get messages() {
      return started().messages;
    },
  };
}

/**
 * A test server for one file's tests that sends its email to a sink of its own, with its links
 * under this public address (as an invitation's link is): the sink, then the server, as above.
 */
export function useMailingTestServer(publicUrl: string): { smtp: Omit<SmtpSink, "close">; server: TestServer } {
  const smtp = useSmtpSink();
  const server = useTestServer({
    configure: (config) => {
      config.mail = { smtpUrl: smtp.url, from: "Roundtable <no-reply@roundtable.test>", digestHour: null }; // the test sends any digests itself, at any hour
      config.publicUrl = publicUrl;
    },
  });
  return { smtp, server };
}
