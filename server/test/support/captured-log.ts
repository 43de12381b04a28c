/** A pino logger whose lines a test can read back, to check what was logged and that nothing private was. */
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";

export interface CapturedLog {
  log: Logger;
  lines: Record<string, unknown>[];
  /** Every line as one string, to search for what must never be logged. */
  text(): string;
}

export function capturedLog(): CapturedLog {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: "info" }, stream), lines, text: () => JSON.stringify(lines) };
}
